// Multiple choice: one or more distinct options.
import { optionChoice } from "./option-choice.js";

export const multiple = optionChoice(false);
