// Configuration from the environment, validated at start: a bad value stops the start
// with one line naming the variable.
import { z } from "zod";
import { DEFAULT_ADMISSION_MAX } from "./core/admission.js";
import { defaultPublicUrl, type Interfaces } from "./lan-address.js";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  /** Unset: generated on first start and kept in DATA_DIR. */
  adminToken: string | undefined;
  publicUrl: string;
  /** True when PUBLIC_URL was unset and the URL above comes from the machine's interfaces. */
  publicUrlDefaulted: boolean;
  allowedOrigins: string[];
  logLevel: string;
  trustProxy: boolean | string;
  demo: boolean;
  /** Language of the demo event's content (`DEMO_LANG`, French by default). */
  demoLang: "fr" | "en";
  /** Open client connections this node accepts before refusing (503 / connect_error). */
  maxConnections: number;
  /** Participant and screen joins in progress at once before a handshake is told to retry later (ADMISSION_MAX). */
  admissionMax: number;
  /** Who runs the event, named on the privacy and accessibility pages (ORGANIZATION_NAME). */
  organizationName: string | undefined;
  /** Where participants exercise their rights: an e-mail address or an http(s) address (PRIVACY_CONTACT). */
  privacyContact: string | undefined;
  /** Bearer token of GET /metrics; unset: only callers on this machine get the metrics. */
  metricsToken: string | undefined;
}

const url = (name: string) =>
  z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: `${name} must be an http(s) URL` });

/** One line of plain text: shown on public pages, so no control characters. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max, { message: `must be at most ${max} characters` })
    .refine((v) => !/\p{Cc}/u.test(v), { message: "must be one line of text" });

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), { message: "must be a redis:// or rediss:// URL" })
    .optional(),
  ADMIN_TOKEN: z.string().min(16, { message: "must be at least 16 characters" }).max(256).optional(),
  PUBLIC_URL: url("PUBLIC_URL").optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.string().optional(),
  DEMO: z.enum(["", "0", "1", "true", "false"]).optional(),
  DEMO_LANG: z.enum(["fr", "en"], { message: "must be fr or en" }).default("fr"),
  MAX_CONNECTIONS: z.coerce
    .number({ message: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be at least 1" })
    .max(1_000_000, { message: "must be at most 1000000" })
    .default(20_000),
  ADMISSION_MAX: z.coerce
    .number({ message: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be at least 1" })
    .max(100_000, { message: "must be at most 100000" })
    .default(DEFAULT_ADMISSION_MAX),
  ORGANIZATION_NAME: line(200).optional(),
  PRIVACY_CONTACT: line(200)
    .refine((v) => EMAIL.test(v) || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), {
      message: "must be an e-mail address or an http(s) URL",
    })
    .optional(),
  METRICS_TOKEN: z.string().min(16, { message: "must be at least 16 characters" }).max(256).optional(),
});

export class ConfigError extends Error {}

/**
 * Reads the variables it knows; empty strings count as unset. `interfaces` is
 * os.networkInterfaces()'s output, for PUBLIC_URL's default (none given: localhost).
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[] = [], interfaces: Interfaces = {}): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid ${String(issue?.path[0] ?? "configuration")}: ${issue?.message ?? "bad value"}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? defaultPublicUrl(interfaces, e.PORT)).replace(/\/+$/, "");
  const origins = e.ALLOWED_ORIGINS
    ? e.ALLOWED_ORIGINS.split(",")
        .map((o) => o.trim())
        .filter(Boolean)
    : [new URL(publicUrl).origin];
  for (const origin of origins) {
    if (!URL.canParse(origin))
      throw new ConfigError(`Invalid ALLOWED_ORIGINS: '${origin}' is not an origin like https://example.org`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    adminToken: e.ADMIN_TOKEN,
    publicUrl,
    publicUrlDefaulted: e.PUBLIC_URL === undefined,
    allowedOrigins: origins.map((o) => new URL(o).origin),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === "true" || e.TRUST_PROXY === "1" ? true : (e.TRUST_PROXY ?? false),
    demo: e.DEMO === "1" || e.DEMO === "true" || argv.includes("--demo"),
    demoLang: e.DEMO_LANG,
    maxConnections: e.MAX_CONNECTIONS,
    admissionMax: e.ADMISSION_MAX,
    organizationName: e.ORGANIZATION_NAME,
    privacyContact: e.PRIVACY_CONTACT,
    metricsToken: e.METRICS_TOKEN,
  };
}
