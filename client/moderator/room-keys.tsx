// A room's keys: made here with a role and a label (the link that carries the key is shown once,
// to copy), listed without the key, revoked in one click (its sockets are disconnected at once).
import { useEffect, useState } from "preact/hooks";
import type { RoomKey, RoomKeyCreated, RoomKeyRole } from "../../shared/model";
import { api } from "../lib/api";
import { CopyField } from "../lib/copy-field";
import { getLang, useLang } from "../lib/i18n";
import { announce, errorText } from "./announce";
import { bt } from "./backstage-strings";
import { t } from "./strings";

/** The link that carries a new key: the speaker's view, or the console on this room. */
export function keyLink(created: RoomKeyCreated, lang: string): string {
  const key = encodeURIComponent(created.key);
  return created.role === "speaker"
    ? `${location.origin}/speaker/${created.roomCode}?lang=${lang}#key=${key}`
    : `${location.origin}/moderator?lang=${lang}#key=${key}&room=${created.roomCode}`;
}

const since = (iso: string): string =>
  new Date(iso).toLocaleString(getLang(), { weekday: "short", hour: "2-digit", minute: "2-digit" });

export function RoomKeys({ code, moderatorKey }: { code: string; moderatorKey: string }) {
  const lang = useLang();
  const [keys, setKeys] = useState<RoomKey[] | null>(null);
  const [role, setRole] = useState<RoomKeyRole>("speaker");
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<RoomKeyCreated | null>(null);

  useEffect(() => {
    let stale = false;
    api("GET /api/rooms/:code/keys", { code }, { token: moderatorKey })
      .then((list) => !stale && setKeys(list))
      .catch((error) => announce(errorText(error), true));
    return () => {
      stale = true;
    };
  }, [code, moderatorKey]);

  async function create(e: Event) {
    e.preventDefault();
    try {
      const made = await api("POST /api/rooms/:code/keys", { code }, { token: moderatorKey, body: { role, label } });
      setCreated(made);
      setLabel("");
      const { key: _shownOnce, ...listed } = made;
      setKeys((list) => [...(list ?? []), { ...listed, createdAt: new Date().toISOString() }]);
    } catch (error) {
      announce(errorText(error), true);
    }
  }

  async function revoke(key: RoomKey) {
    try {
      await api("DELETE /api/keys/:id", { id: key.id }, { token: moderatorKey });
      setKeys((list) => list?.filter((k) => k.id !== key.id) ?? null);
      if (created?.id === key.id) setCreated(null);
      announce(bt("revoked"));
    } catch (error) {
      announce(errorText(error), true);
    }
  }

  const copy = { copyLabel: t("copy"), copiedLabel: t("copied"), failedLabel: t("copyFailed") };
  const roleName = (r: RoomKeyRole) => (r === "speaker" ? bt("roleSpeaker") : bt("roleModerator"));
  return (
    <section class="panel" aria-labelledby="keys-title">
      <h3 id="keys-title">{bt("keys")}</h3>
      <p class="hint">{bt("keysLead")}</p>
      <form class="stack" onSubmit={create}>
        <label class="field">
          <span>{bt("keyRole")}</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as RoomKeyRole)}>
            <option value="speaker">{bt("roleSpeaker")}</option>
            <option value="moderator">{bt("roleModerator")}</option>
          </select>
        </label>
        <label class="field">
          <span>{bt("keyLabel")}</span>
          <input value={label} maxLength={60} placeholder={bt("keyLabelHint")} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn primary">
          {bt("createKey")}
        </button>
      </form>
      {created && (
        <div class="new-key" role="status">
          <p class="notice">{bt("newKeyShownOnce")}</p>
          <CopyField
            label={created.role === "speaker" ? bt("speakerLink") : bt("moderatorLink")}
            value={keyLink(created, lang)}
            {...copy}
          />
          {created.role === "speaker" && (
            <a class="btn" href={keyLink(created, lang)} target="_blank" rel="noopener noreferrer">
              {bt("openSpeaker")}
            </a>
          )}
        </div>
      )}
      {keys && keys.length === 0 && <p class="hint">{bt("noKeys")}</p>}
      {keys && keys.length > 0 && (
        <ul class="key-list">
          {keys.map((k) => (
            <li key={k.id} class="key-item">
              <span>
                {bt("keyListed", { label: k.label || bt("unlabelled"), role: roleName(k.role), time: since(k.createdAt) })}
              </span>
              <button
                type="button"
                class="btn danger"
                aria-label={bt("revokeKey", { label: k.label || roleName(k.role) })}
                onClick={() => void revoke(k)}
              >
                {bt("revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
