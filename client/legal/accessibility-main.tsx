import "../styles/base.css";
import "./legal.css";
import { render } from "preact";
import { AccessibilityPage } from "./accessibility-page";
import { langFromAddress } from "./legal-frame";

langFromAddress({ fr: "/accessibilite", en: "/accessibility" });
render(<AccessibilityPage />, document.getElementById("app")!);
