import "../styles/base.css";
import "./screen.css";
import { render } from "preact";
import { ScreenApp } from "./screen-app";

render(<ScreenApp />, document.getElementById("app")!);
