import "../styles/base.css";
import "./poster.css";
import { render } from "preact";
import { PosterApp } from "./poster-app";

render(<PosterApp />, document.getElementById("app")!);
