import "../styles/base.css";
import "../legal/legal.css";
import "./api-docs.css";
import { render } from "preact";
import { ApiPage } from "./api-page";

render(<ApiPage />, document.getElementById("app")!);
