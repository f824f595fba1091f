// What /<CODE> shows when no room has the code: the programme when it is an event's code
// (loaded only then, so a room's phones never download it), else why it was refused.
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Programme } from "../../shared/model";
import { api } from "../lib/api";
import { LangSwitch } from "../lib/lang-switch";
import { LegalLinks } from "../lib/legal-links";
import { t } from "./strings";

type Found =
  | { kind: "looking" }
  | { kind: "none" }
  | { kind: "event"; programme: Programme; Page: FunctionComponent<{ initial: Programme }> };

export function UnknownCode({ code, reason }: { code: string; reason: string }) {
  const [found, setFound] = useState<Found>({ kind: "looking" });
  useEffect(() => {
    let stale = false;
    api("GET /api/programme/:code", { code })
      .then(async (programme) => {
        // A room's code answers too (its event's programme), but that room refused us: not this page.
        if (programme.event.code !== code) throw new Error("not an event code");
        const { ProgrammePage } = await import("./programme-page");
        if (!stale) setFound({ kind: "event", programme, Page: ProgrammePage });
      })
      .catch(() => !stale && setFound({ kind: "none" }));
    return () => {
      stale = true;
    };
  }, [code]);

  if (found.kind === "event") return <found.Page initial={found.programme} />;
  if (found.kind === "looking")
    return (
      <div class="page">
        <p class="hint content">{t("connecting")}</p>
      </div>
    );
  return <RefusedPage heading={t("unknownRoom", { code })} reason={reason} />;
}

export function RefusedPage({ heading, reason }: { heading: string; reason: string }) {
  return (
    <div class="page">
      <header class="top">
        <p class="brand">{t("title")}</p>
        <LangSwitch />
      </header>
      <main id="main" class="content">
        <h1>{heading}</h1>
        <p class="hint">{reason}</p>
        <a class="btn primary" href="/">
          {t("backHome")}
        </a>
      </main>
      <LegalLinks />
    </div>
  );
}
