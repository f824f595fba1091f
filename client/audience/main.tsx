import "../styles/base.css";
import "./audience.css";
import { render } from "preact";
import { App } from "./app";

render(<App />, document.getElementById("app")!);
