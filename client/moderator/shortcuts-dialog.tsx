// The `?` overlay: a modal <dialog> (focus kept inside, Escape closes) listing the shortcuts.
import { useEffect, useRef } from "preact/hooks";
import { t } from "./strings";

const KEYS: [string, Parameters<typeof t>[0]][] = [
  ["j ↓", "keyNext"],
  ["k ↑", "keyPrev"],
  ["x space", "keyMark"],
  ["⇧↓ ⇧↑", "keyExtend"],
  ["a", "keyApprove"],
  ["r", "keyReject"],
  ["e", "keyArchive"],
  ["l", "keyAddLabel"],
  ["m", "keyMerge"],
  ["h", "keyHighlight"],
  ["d", "keyAnswer"],
  ["u", "keyUndo"],
  ["n", "keyNew"],
  ["1 … 9", "keyRooms"],
  ["?", "keyHelp"],
  ["escKey", "keyClear"],
];

/** Key names that differ by language ("Esc" is "Échap" on French keyboards). */
const keyName = (k: string): string => (k === "escKey" ? t("escKey") : k === "space" ? t("spaceKey") : k);

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t("shortcuts")}</h2>
      <p class="hint">{t("shortcutsNote")}</p>
      <dl>
        {KEYS.map(([keys, label]) => (
          <div key={keys} class="key-row">
            <dt>
              {keys.split(" ").map((k) => (
                <kbd key={k}>{keyName(k)}</kbd>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="btn primary">
          {t("closeDialog")}
        </button>
      </form>
    </dialog>
  );
}
