// The "not found" page a person sees after mistyping an address on a phone: HTML in their
// language, light, with no asset to load (its style is inline, allowed by its hash alone),
// and a way back to the home page. API paths keep their JSON error.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Lang, pickLang } from "../../shared/errors.js";

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:32rem;margin:0 auto;padding:3rem 1.25rem}
.brand{font-weight:700;color:#1d4ed8;margin:0 0 2rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .75rem}
p{margin:0 0 1rem}
a.home{display:inline-block;margin-top:.5rem;padding:.7rem 1.2rem;border-radius:.5rem;background:#1d4ed8;color:#fff;font-weight:600;text-decoration:none}
a.home:focus-visible{outline:3px solid #1b1f24;outline-offset:2px}
`;

const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

/** The pages' policy, with no script at all and the inline style above allowed by its hash alone. */
export const NOT_FOUND_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  `style-src ${STYLE_HASH}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const TEXT: Record<Lang, { title: string; heading: string; body: string; code: string; home: string }> = {
  en: {
    title: "Page not found · Tribune",
    heading: "This page does not exist",
    body: "Check the address you typed or scanned.",
    code: "To join a room, type its 6-character code on the home page.",
    home: "Go to the home page",
  },
  fr: {
    title: "Page introuvable · Tribune",
    heading: "Cette page n’existe pas",
    body: "Vérifiez l’adresse que vous avez tapée ou scannée.",
    code: "Pour rejoindre une salle, tapez son code de 6 caractères sur la page d’accueil.",
    home: "Aller à la page d’accueil",
  },
};

export function notFoundHtml(lang: Lang): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Tribune</p>
<h1>${t.heading}</h1>
<p>${t.body}</p>
<p>${t.code}</p>
<a class="home" href="/">${t.home}</a>
</main>
</body>
</html>
`;
}

/** A GET (or HEAD) of a page, by a browser: anything but the API, asking for HTML. */
export function wantsHtmlPage(req: FastifyRequest): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = req.url.split("?")[0] ?? "";
  if (path === "/api" || path.startsWith("/api/")) return false;
  return (req.headers.accept ?? "").includes("text/html");
}

export function sendNotFoundPage(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-security-policy", NOT_FOUND_CSP)
    .header("cache-control", "no-cache")
    .header("vary", "Accept, Accept-Language")
    .send(notFoundHtml(pickLang(req.headers["accept-language"])));
}
