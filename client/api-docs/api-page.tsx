// The API page: the routes of /api/openapi.json grouped by path, and the events of
// /api/asyncapi.json in both directions, read from the documents this server makes.
import { useEffect, useState } from "preact/hooks";
import { LegalFrame } from "../legal/legal-frame";
import { api } from "../lib/api";
import { useLang } from "../lib/i18n";
import { type Field, fieldsOf, type SchemaNode } from "./schema-fields";
import { t } from "./strings";

interface Operation {
  summary: string;
  "x-role": string;
  "x-socket-event"?: string;
  requestBody?: { content: Record<string, { schema: SchemaNode }> };
  responses: Record<string, { description: string }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}
interface Message {
  name: string;
  summary: string;
  payload: SchemaNode;
}
interface AsyncOperation {
  action: "send" | "receive";
  summary: string;
  messages: { $ref: string }[];
  reply?: { messages: { $ref: string }[] };
  "x-roles"?: string[];
  "x-to"?: string;
}
interface AsyncApi {
  channels: { room: { messages: Record<string, Message> } };
  operations: Record<string, AsyncOperation>;
  components: { schemas: { HandshakeAuth: SchemaNode } };
}

type Loaded = { openapi: OpenApi; asyncapi: AsyncApi } | "failed" | undefined;

const roleName = (role: string) => t(`role_${role}` as Parameters<typeof t>[0]);
/** The tables' summaries are written in English: said so, for screen readers. */
const En = ({ text }: { text: string }) => <span lang="en">{text}</span>;

function limits(field: Field): string {
  const n = field.node;
  const item = n.items;
  if (n.maxLength !== undefined) return t("chars", { min: n.minLength ?? 0, max: n.maxLength });
  if (n.minimum !== undefined && n.maximum !== undefined) return t("range", { min: n.minimum, max: n.maximum });
  if (n.maxItems !== undefined) {
    const each = item?.maxLength !== undefined ? `, ${t("chars", { min: item.minLength ?? 0, max: item.maxLength })}` : "";
    return t("items", { max: n.maxItems }) + each;
  }
  return "";
}

function Fields({ label, schema }: { label: string; schema: SchemaNode | undefined }) {
  const fields = fieldsOf(schema);
  return (
    <div class="api-fields">
      <span class="api-label">{label}</span>
      {fields.length === 0 ? (
        ` ${t("noFields")}`
      ) : (
        <ul>
          {fields.map((f) => (
            <li key={f.name}>
              <code>{f.name}</code> <code class="api-type">{f.type}</code> · {t(f.required ? "required" : "optional")}
              {limits(f) && ` · ${limits(f)}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HttpSection({ doc }: { doc: OpenApi }) {
  return (
    <section aria-labelledby="http">
      <h2 id="http">{t("httpTitle")}</h2>
      {Object.entries(doc.paths).map(([path, operations]) => (
        <section class="api-path" key={path} aria-label={path}>
          <h3>
            <code>{path}</code>
          </h3>
          <ul class="api-ops">
            {Object.entries(operations).map(([method, op]) => {
              const [status, success] = Object.entries(op.responses)[0] ?? ["200", { description: "" }];
              const body = op.requestBody && Object.values(op.requestBody.content)[0]?.schema;
              return (
                <li key={method}>
                  <p>
                    <strong class="api-method">{method.toUpperCase()}</strong> <En text={op.summary} />
                  </p>
                  <p class="api-meta">
                    {t("role")} {roleName(op["x-role"])} · {t("answer")} {status} <code>{success.description}</code>
                    {op["x-socket-event"] && ` · ${t("sameAs", { event: op["x-socket-event"] })}`}
                  </p>
                  {body && <Fields label={t("body")} schema={body} />}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}

function SocketSection({ doc }: { doc: AsyncApi }) {
  const messages = doc.channels.room.messages;
  const messageOf = (ref: { $ref: string } | undefined) => (ref ? messages[ref.$ref.split("/").at(-1) ?? ""] : undefined);
  const operations = Object.values(doc.operations);
  const handshake = doc.components.schemas.HandshakeAuth.anyOf ?? [];
  return (
    <section aria-labelledby="socket">
      <h2 id="socket">{t("socketTitle")}</h2>
      <h3>{t("handshakeTitle")}</h3>
      <p>{t("handshakeText")}</p>
      <ul>
        {handshake.map((variant) => (
          <li key={Object.keys(variant.properties ?? {}).join()}>
            <code>{`{${Object.keys(variant.properties ?? {}).join(", ")}}`}</code>
          </li>
        ))}
      </ul>
      <h3>{t("clientTitle")}</h3>
      <p>{t("clientText")}</p>
      <ul class="api-ops">
        {operations
          .filter((op) => op.action === "receive")
          .map((op) => {
            const message = messageOf(op.messages[0]);
            const ack = messageOf(op.reply?.messages[0]);
            return (
              <li key={message?.name}>
                <p>
                  <strong class="api-method">{message?.name}</strong> <En text={op.summary} />
                </p>
                <p class="api-meta">
                  {t("role")} {(op["x-roles"] ?? []).map(roleName).join(", ")}
                  {ack && (
                    <>
                      {" · "}
                      {t("answer")} <code>{ack.summary}</code>
                    </>
                  )}
                </p>
                <Fields label={t("payload")} schema={message?.payload} />
              </li>
            );
          })}
      </ul>
      <h3>{t("serverTitle")}</h3>
      <ul class="api-ops">
        {operations
          .filter((op) => op.action === "send")
          .map((op) => {
            const message = messageOf(op.messages[0]);
            return (
              <li key={message?.name}>
                <p>
                  <strong class="api-method">{message?.name}</strong> <code>{message?.payload.description ?? ""}</code>
                </p>
                <p class="api-meta">
                  {t("to")} <En text={op["x-to"] ?? ""} />
                </p>
              </li>
            );
          })}
      </ul>
    </section>
  );
}

export function ApiPage() {
  useLang();
  const [loaded, setLoaded] = useState<Loaded>(undefined);
  useEffect(() => {
    Promise.all([api("GET /api/openapi.json", {}), api("GET /api/asyncapi.json", {})]).then(
      ([openapi, asyncapi]) => setLoaded({ openapi: openapi as unknown as OpenApi, asyncapi: asyncapi as unknown as AsyncApi }),
      () => setLoaded("failed"),
    );
  }, []);
  return (
    <LegalFrame title={t("title")}>
      <p class="lead">{t("lead")}</p>
      <ul>
        <li>
          <a href="/api/openapi.json">{t("openapi")}</a>
        </li>
        <li>
          <a href="/api/asyncapi.json">{t("asyncapi")}</a>
        </li>
      </ul>
      <p>{t("keys")}</p>
      {loaded === undefined && <p aria-live="polite">{t("loading")}</p>}
      {loaded === "failed" && <p role="alert">{t("failed")}</p>}
      {loaded && loaded !== "failed" && (
        <>
          <HttpSection doc={loaded.openapi} />
          <SocketSection doc={loaded.asyncapi} />
        </>
      )}
    </LegalFrame>
  );
}
