import "../styles/base.css";
import "../moderator/console.css";
import "./organizer.css";
import { render } from "preact";
import { OrganizerApp } from "./organizer-app";

render(<OrganizerApp />, document.getElementById("app")!);
