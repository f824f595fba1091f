// Bodies added by the hardening issue, on top of the shared protocol (additive to contract v1).
import { z } from "zod";
import { createEventBody } from "../../shared/schemas.js";
import { RETENTION } from "../core/retention.js";

/** POST /api/events, with the optional `retentionDays` (1–365, 30 when absent). */
export const createEventWithRetention = createEventBody.extend({
  retentionDays: z.number().int().min(RETENTION.minDays).max(RETENTION.maxDays).optional(),
});

const id = z.string().min(1).max(64);

/** Socket `question:ban` `{questionId, on?}`: `on` false lifts the ban (true when absent). */
export const socketBan = z.object({ questionId: id, on: z.boolean().optional() });
