// Single choice: exactly one option.
import { optionChoice } from "./option-choice.js";

export const single = optionChoice(true);
