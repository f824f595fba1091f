// Six large reaction buttons on the phone. A reaction is of the moment: it is sent now or not at
// all (never queued offline), and a refusal (five a second at most) is not worth a notice.

import { translator } from "../lib/i18n";
import { REACTIONS, reactionName } from "../lib/reaction-names";
import { request, type Socket } from "../lib/socket";

const { t } = translator({ en: { react: "React" }, fr: { react: "Réagir" } });

export function ReactionBar({ socket }: { socket: Socket }) {
  return (
    <section class="reactions" aria-label={t("react")}>
      {REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          class="reaction"
          aria-label={reactionName(emoji)}
          title={reactionName(emoji)}
          onClick={() => void request(socket, "react", { emoji }).catch(() => {})}
        >
          <span aria-hidden="true">{emoji}</span>
        </button>
      ))}
    </section>
  );
}
