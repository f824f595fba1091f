import "../styles/base.css";
import "./console.css";
import { render } from "preact";
import { ConsoleApp } from "./console-app";

render(<ConsoleApp />, document.getElementById("app")!);
