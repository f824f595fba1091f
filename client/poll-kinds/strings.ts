// Words several ballots share; each kind keeps its own words in its module.
import { translator } from "../lib/i18n";

const en = {
  send: "Send",
  sendAnswers: "Send my answers",
};

const fr: typeof en = {
  send: "Envoyer",
  sendAnswers: "Envoyer mes réponses",
};

export const { t } = translator({ en, fr });
