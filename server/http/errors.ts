// Every error leaves as {"error":{"code","message"}}, never as a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ERR } from "../../shared/error-catalogue.js";
import { AppError, pickLang } from "../../shared/errors.js";
import { MALFORMED } from "../../shared/schemas.js";
import { toAppError } from "../edge/error-body.js";
import { sendNotFoundPage, wantsHtmlPage } from "./not-found-page.js";

/** Bodies of the contract are small: the largest is a poll with 12 options of 120 characters. */
export const BODY_LIMIT = 16 * 1024;

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfter !== undefined) reply.header("retry-after", String(error.retryAfter));
  return reply.code(error.status).send({ error: error.body(pickLang(req.headers["accept-language"])) });
}

/** Maps the framework's own refusals onto the contract's codes (the limit named is the route's). */
function fromFramework(error: FastifyError, req?: FastifyRequest): AppError | null {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) {
    return ERR.bodyTooLarge((req?.routeOptions?.bodyLimit ?? BODY_LIMIT) / 1024);
  }
  if (error.statusCode === 415) return ERR.notJson();
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return ERR.invalidRequest();
  }
  return null;
}

/** Errors raised before routing (bad URL encoding, over-long parameters) get the contract's shape too. */
export function frameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const mapped = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? ERR.nothingHere() : (fromFramework(error) ?? ERR.invalidRequest());
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

  // Ours as they are; the framework's own refusals mapped; anything else is `unavailable`.
  app.setErrorHandler((error: FastifyError, req, reply) =>
    sendError(req, reply, error instanceof AppError ? error : (fromFramework(error, req) ?? toAppError(error, req.log))),
  );

  // A person who mistyped a page address gets a page; a script (or any /api path) gets JSON.
  app.setNotFoundHandler((req, reply) =>
    wantsHtmlPage(req) ? sendNotFoundPage(req, reply) : sendError(req, reply, ERR.nothingHere()),
  );
}
