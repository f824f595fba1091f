import "../styles/base.css";
import "./legal.css";
import { render } from "preact";
import { langFromAddress } from "./legal-frame";
import { PrivacyPage } from "./privacy-page";

langFromAddress({ fr: "/confidentialite", en: "/privacy" });
render(<PrivacyPage />, document.getElementById("app")!);
