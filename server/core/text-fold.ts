// Folding text to compare words: case and accents ignored, apostrophes made one character.

/** Lower case without accents or other combining marks ("Élus" → "elus", "œuvre" → "oeuvre"). */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
}

/** Every kind of apostrophe typed on phones and keyboards becomes "'". */
export const straightenApostrophes = (text: string): string => text.replace(/[’‘`´ʼ]/g, "'");

/** Words of a text, in order: letters and digits, apostrophes kept inside a word ("l'ia"). */
export function words(text: string): string[] {
  return straightenApostrophes(text).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}
