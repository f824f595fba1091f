// Messages from the moderators: the newest large (a new one is announced), a few earlier ones small.
import type { BackstageMessage } from "../../shared/model";
import { t } from "./strings";

const EARLIER_SHOWN = 3;

const clock = (at: string): string =>
  new Date(at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });

export function Backstage({ messages }: { messages: BackstageMessage[] }) {
  const newest = messages.at(-1);
  const earlier = messages.slice(0, -1).slice(-EARLIER_SHOWN).reverse();
  return (
    <section class="backstage" aria-labelledby="backstage-title">
      <h2 id="backstage-title" class="panel-title">
        {t("messages")}
      </h2>
      <div role="status" aria-live="assertive">
        {newest ? (
          <p class="newest-message" key={newest.id}>
            <span class="message-text">{newest.text}</span>
            <span class="message-at">{clock(newest.at)}</span>
          </p>
        ) : (
          <p class="hint">{t("noMessages")}</p>
        )}
      </div>
      {earlier.length > 0 && (
        <ul class="earlier-messages" aria-label={t("earlier")}>
          {earlier.map((m) => (
            <li key={m.id}>
              <span class="message-at">{clock(m.at)}</span> {m.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
