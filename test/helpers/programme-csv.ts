// A programme as a French spreadsheet saves it (BOM, `;`, French headers, CRLF, DD/MM/YYYY HH:MM),
// with times around now, so "now" and "next" and "start next" show what they do during a congress.

/** "17/06/2027 11:00" in Paris, `minutes` from now (rounded down to 5 minutes). */
export function parisTime(minutes: number, now = Date.now()): string {
  const at = new Date(Math.floor(now / 300_000) * 300_000 + minutes * 60_000);
  const part = Object.fromEntries(
    new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/** Rows (room, title, speakers, start, end) as the file; a field holding `;` is quoted. */
export function frenchCsv(rows: string[][]): string {
  const lines = [["Salle", "Titre", "Intervenants", "Début", "Fin"], ...rows];
  return `\uFEFF${lines.map((r) => r.map((f) => (f.includes(";") ? `"${f}"` : f)).join(";")).join("\r\n")}\r\n`;
}
