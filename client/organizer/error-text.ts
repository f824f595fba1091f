// What the organizer reads when a call fails: a refused token is named as the admin token
// (never a moderator key), anything else in the server's words, or "no connection".
import { ClientError } from "../lib/api";
import { t } from "./strings";

export function errorText(error: unknown): string {
  if (!(error instanceof ClientError) || error.code === "offline" || error.code === "timeout") return t("offline");
  if (error.code === "unauthorized") return t("wrongToken");
  return error.message || t("offline");
}
