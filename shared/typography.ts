// French typography for messages written with plain spaces and straight quotes: a narrow
// no-break space (U+202F) before ? ! : ; and inside « », and the typographic apostrophe ’.
// The no-break space also keeps a "?" from wrapping alone onto the next line.
const NNBSP = "\u202f";

export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, "’")
    .replace(/[ \u00a0\u202f]*([?!:;])(?=\s|$|["’»)])/g, `${NNBSP}$1`)
    .replace(/« */g, `«${NNBSP}`)
    .replace(/ *»/g, `${NNBSP}»`);
}
