import "../styles/base.css";
import "./speaker.css";
import { render } from "preact";
import { SpeakerApp } from "./speaker-app";
import { applyStoredTheme } from "./theme";

applyStoredTheme();
render(<SpeakerApp />, document.getElementById("app")!);
