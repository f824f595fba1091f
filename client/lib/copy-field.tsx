// A read-only value with a Copy button; falls back to selecting the text where the clipboard API
// is unavailable (plain http on a venue network is not a secure context).
import { useRef, useState } from "preact/hooks";

let counter = 0;

export function CopyField({
  label,
  value,
  copyLabel,
  copiedLabel,
  failedLabel,
}: {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  failedLabel: string;
}) {
  const [id] = useState(() => `copy-${++counter}`);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      if (navigator.clipboard && isSecureContext) await navigator.clipboard.writeText(value);
      else {
        input.current?.select();
        if (!document.execCommand("copy")) throw new Error("copy refused");
      }
      setState("copied");
    } catch {
      input.current?.select();
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2500);
  }

  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      <span class="hint" role="status">
        {state === "copied" ? copiedLabel : state === "failed" ? failedLabel : ""}
      </span>
    </div>
  );
}
