// The reactions' accessible names, in both languages (the phone's buttons, the console's counter).
import { REACTIONS, type Reaction } from "../../shared/model";
import { translator } from "./i18n";

const { t } = translator({
  en: { "👏": "Applause", "❤️": "Love", "😂": "Laughter", "😮": "Surprise", "👍": "Thumbs up", "🎉": "Celebration" },
  fr: { "👏": "Applaudir", "❤️": "J’adore", "😂": "Rire", "😮": "Surprise", "👍": "D’accord", "🎉": "Bravo" },
});

export { REACTIONS, type Reaction };
export const reactionName = (emoji: Reaction): string => t(emoji);
