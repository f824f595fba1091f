// A QR code drawn as SVG from the modules computed here (no network, no canvas, no inline style).
// Dark on light with its quiet zone, whatever the page's theme, so every phone can read it.
import { create } from "qrcode";

export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  let d = "";
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules.get(row, col)) continue;
      // Merge runs of dark modules on a row into one rectangle.
      let run = 1;
      while (col + run < size && modules.get(row, col + run)) run++;
      d += `M${col + 4} ${row + 4}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  return { size: size + 8, d };
}

export function QrCode({ text, label, class: className = "qr" }: { text: string; label: string; class?: string }) {
  const { size, d } = qrPath(text);
  return (
    <svg class={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
