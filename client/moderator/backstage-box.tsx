// A message to the speaker's view (never to the audience): typed, or one of the usual ones in a
// click; the room's last messages below, as the speaker sees them.
import { useState } from "preact/hooks";
import type { RoomState } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { applyMessage } from "../lib/room-state";
import { request } from "../lib/socket";
import { announce, errorText } from "./announce";
import { bt } from "./backstage-strings";

const QUICK = ["quickFive", "quickLast", "quickWrap"] as const;
const SHOWN = 3;

export function BackstageBox({ room, state }: { room: LiveRoom; state: RoomState }) {
  const [text, setText] = useState("");

  async function send(message: string): Promise<void> {
    try {
      const sent = await request(room.socket, "room:message", { text: message });
      room.update((s) => applyMessage(s, sent));
      setText("");
      announce(bt("sent"));
    } catch (error) {
      announce(errorText(error), true);
    }
  }

  const last = (state.messages ?? []).slice(-SHOWN).reverse();
  return (
    <section class="panel" aria-labelledby="backstage-title">
      <h3 id="backstage-title">{bt("backstage")}</h3>
      <p class="hint">{bt("backstageLead")}</p>
      <div class="row">
        {QUICK.map((name) => (
          <button key={name} type="button" class="btn" onClick={() => void send(bt(name))}>
            {bt(name)}
          </button>
        ))}
      </div>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void send(text.trim());
        }}
      >
        <label class="field grow">
          <span>{bt("messageLabel")}</span>
          <input value={text} maxLength={200} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary">
          {bt("send")}
        </button>
      </form>
      {last.length > 0 && (
        <>
          <h4>{bt("lastMessages")}</h4>
          <ul class="message-list">
            {last.map((m) => (
              <li key={m.id}>
                <time dateTime={m.at}>
                  {new Date(m.at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" })}
                </time>{" "}
                {m.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
