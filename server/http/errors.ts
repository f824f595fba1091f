// Every error leaves as {"error":{"code","message"}}, never as a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, fail, pickLang } from "../../shared/errors.js";
import { MALFORMED } from "../../shared/protocol.js";
import { unavailable } from "../realtime/with-ack.js";
import { sendNotFoundPage, wantsHtmlPage } from "./not-found-page.js";

/** Bodies of the contract are small: the largest is a poll with 12 options of 120 characters. */
export const BODY_LIMIT = 16 * 1024;

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfter !== undefined) reply.header("retry-after", String(error.retryAfter));
  return reply.code(error.status).send({ error: error.body(pickLang(req.headers["accept-language"])) });
}

/** Maps the framework's own refusals onto the contract's codes. */
function fromFramework(error: FastifyError): AppError | null {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) {
    return fail("too_large", `The body is larger than ${BODY_LIMIT / 1024} KB.`, `Le corps dépasse ${BODY_LIMIT / 1024} Ko.`);
  }
  if (error.statusCode === 415) {
    return fail(
      "invalid",
      "Send the body as JSON (Content-Type: application/json).",
      "Envoyez le corps en JSON (Content-Type: application/json).",
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return fail("invalid", "The request is not valid.", "La requête n'est pas valide.");
  }
  return null;
}

/** Errors raised before routing (bad URL encoding, over-long parameters) get the contract's shape too. */
export function frameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const mapped =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? fail("not_found", "Nothing is here. Check the address.", "Il n'y a rien ici. Vérifiez l'adresse.")
      : (fromFramework(error) ?? fail("invalid", "The request is not valid.", "La requête n'est pas valide."));
  sendError(req, reply, mapped);
}

export function installErrorHandling(app: FastifyInstance): void {
  // Parse JSON ourselves so a bad body is refused at the contract's invalid-body step
  // (after the key and resource checks); `__proto__`/`constructor` keys are refused there too.
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, MALFORMED);
    }
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) return sendError(req, reply, error);
    const mapped = fromFramework(error);
    if (mapped) return sendError(req, reply, mapped);
    req.log.error({ err: error }, "unexpected failure");
    return sendError(req, reply, unavailable());
  });

  // A person who mistyped a page address gets a page; a script (or any /api path) gets JSON.
  app.setNotFoundHandler((req, reply) =>
    wantsHtmlPage(req)
      ? sendNotFoundPage(req, reply)
      : sendError(req, reply, fail("not_found", "Nothing is here. Check the address.", "Il n'y a rien ici. Vérifiez l'adresse.")),
  );
}
