import "../styles/base.css";
import "./report.css";
import { render } from "preact";
import { ReportApp, targetOf } from "./report-app";

const target = targetOf(location.pathname);
const root = document.getElementById("app")!;
if (target) render(<ReportApp target={target} />, root);
else location.replace("/moderator");
