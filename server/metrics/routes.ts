// The HTTP half of the answer metrics (the socket half is counted by realtime/dispatch.ts), and
// who may read GET /metrics. No room code or id appears in the metrics, but they tell how busy
// the event is: they are for the operator, with METRICS_TOKEN as a bearer token, without it to
// this machine only.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ERR } from "../../shared/error-catalogue.js";
import { ERROR_STATUS } from "../../shared/errors.js";
import { bearer } from "../http/auth.js";
import { sameSecret } from "../service/access.js";
import type { AnswerSeries, Metrics, Outcome } from "./registry.js";

const CODE_OF_STATUS = new Map<number, string>(Object.entries(ERROR_STATUS).map(([code, status]) => [status, code]));

/** `ok` below 400, else the contract's error code for the status (the status itself if none). */
export const outcomeOf = (status: number): Outcome => (status < 400 ? "ok" : (CODE_OF_STATUS.get(status) ?? String(status)));

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * A caller on this machine: the TCP peer is a loopback address and no proxy forwarded the
 * request (a reverse proxy on the same machine makes every outside caller a loopback peer).
 */
export function isLocalCaller(req: FastifyRequest): boolean {
  const { headers } = req;
  if (headers["x-forwarded-for"] || headers.forwarded || headers["x-real-ip"]) return false;
  return LOOPBACK.test(req.socket.remoteAddress ?? "");
}

/** Throws unless the request may read the metrics. */
export function requireMetricsAccess(req: FastifyRequest, token: string | undefined): void {
  if (token) {
    const given = bearer(req);
    if (!given || !sameSecret(given, token)) throw ERR.metricsTokenRequired();
  } else if (!isLocalCaller(req)) {
    throw ERR.metricsLocalOnly();
  }
}

export function observeHttpAnswers(app: FastifyInstance, metrics: Metrics): void {
  // One counter bump and one histogram observation per answer: labels are route patterns
  // (`POST /api/polls/:id/votes`), never a room code or an id.
  // Each route's series looked up by its pattern then its method: no label text is built per answer.
  const series = new Map<string, Map<string, AnswerSeries>>();
  const seriesOf = (route: string, method: string): AnswerSeries => {
    let byMethod = series.get(route);
    if (!byMethod) {
      byMethod = new Map();
      series.set(route, byMethod);
    }
    let found = byMethod.get(method);
    if (!found) {
      found = metrics.answers(`${method} ${route}`);
      byMethod.set(method, found);
    }
    return found;
  };
  app.addHook("onResponse", (req, reply, done) => {
    const status = reply.statusCode;
    metrics.httpAnswered(status);
    const route = req.routeOptions.url;
    if (route?.startsWith("/api/")) {
      const answers = seriesOf(route, req.method);
      answers.observe(reply.elapsedTime / 1000);
      answers.count(outcomeOf(status));
    }
    done();
  });
}
