// The event's title and the report's date on every printed page, in the page's top margin
// (CSS @page margin boxes). Set through a constructed style sheet: the CSP allows no inline style,
// and the text is the event's, known only once the report is loaded. Browsers without margin
// boxes print the same words once, at the top of the document.

const sheet = typeof CSSStyleSheet === "function" ? new CSSStyleSheet() : null;
if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** A CSS string: quotes and backslashes escaped, line breaks and control characters dropped. */
const cssString = (text: string): string =>
  `"${text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')}"`;

export function setRunningHead(title: string, date: string): void {
  if (!sheet) return;
  sheet.replaceSync(`@page {
  @top-left { content: ${cssString(title)}; }
  @top-right { content: ${cssString(date)}; }
  @bottom-right { content: counter(page) " / " counter(pages); }
}`);
}
