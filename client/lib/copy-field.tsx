// A read-only value with a Copy button; falls back to selecting the text where the clipboard API
// is unavailable (plain http on a venue network is not a secure context). The value is shown
// whole, wrapping: links of one event differ only at their end, so a cut one looks like the others.
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
  const input = useRef<HTMLTextAreaElement>(null);

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
        <textarea
          id={id}
          ref={input}
          readOnly
          value={value}
          // Lines for browsers that do not size the field to its content (CSS field-sizing).
          rows={Math.min(5, Math.max(1, Math.ceil(value.length / 30)))}
          spellcheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
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
