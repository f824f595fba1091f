// A room's (or one session's) records as a file to download: the same headers for both.
import type { FastifyReply } from "fastify";
import type { RoomExport } from "../../../shared/model.js";
import { toCsv } from "../../service/export.js";

/** `tribune-<CODE>`, or `tribune-<CODE>-<session id>` for one session's. */
const fileName = (data: RoomExport, sessionId?: string): string => `tribune-${data.room.code}${sessionId ? `-${sessionId}` : ""}`;

export function exportJson(reply: FastifyReply, data: RoomExport, sessionId?: string): RoomExport {
  reply.header("content-disposition", `attachment; filename="${fileName(data, sessionId)}.json"`);
  return data;
}

/** With a byte order mark, so that spreadsheets read UTF-8. */
export function exportCsv(reply: FastifyReply, data: RoomExport, sessionId?: string): string {
  reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${fileName(data, sessionId)}.csv"`);
  return `\uFEFF${toCsv(data)}`;
}
