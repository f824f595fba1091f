// The RGAA accessibility declaration. Its facts (status, rate, non-compliances, environment,
// pages) come from docs/accessibility.md, parsed at build time; only the fixed text is here.
import declaration from "virtual:accessibility-declaration";
import { fmt, fmtPercent, useLang } from "../lib/i18n";
import { statusText } from "../lib/legal-links";
import { t } from "./accessibility-strings";
import { Contact } from "./contact";
import type { Result } from "./declaration";
import { LegalFrame } from "./legal-frame";
import { useSiteInfo } from "./site-info";

const RESULTS: Result[] = ["C", "NC", "NA", "NT"];

export function AccessibilityPage() {
  const lang = useLang();
  const site = useSiteInfo();
  const d = declaration;
  const date = new Date(`${d.date}T12:00:00Z`).toLocaleDateString(lang === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const org = site?.organizationName;
  return (
    <LegalFrame title={t("title")}>
      <p>{org ? t("commitment", { org }) : t("commitmentNoOrg")}</p>
      <p>{t("scope", { origin: location.origin })}</p>

      <section aria-labelledby="status">
        <h2 id="status">{t("statusTitle")}</h2>
        <p class="status">
          {d.status === "full" ? t("statusFull", { rgaa: d.rgaa }) : t("statusText", { status: statusText(lang), rgaa: d.rgaa })}
        </p>
      </section>

      <section aria-labelledby="results">
        <h2 id="results">{t("resultsTitle")}</h2>
        <p class="rate">{t("resultsText", { date, rate: fmtPercent(d.rate, 1) })}</p>
        <table class="counts">
          <caption>{t("countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("result")}</th>
              <th scope="col">{t("criteria")}</th>
            </tr>
          </thead>
          <tbody>
            {RESULTS.filter((r) => r !== "NT" || d.counts.NT > 0).map((r) => (
              <tr key={r}>
                <th scope="row">{t(r)}</th>
                <td>{fmt(d.counts[r])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="not-accessible">
        <h2 id="not-accessible">{t("notAccessibleTitle")}</h2>
        <p>{t("notAccessibleLead")}</p>
        <ul class="defects">
          {d.notAccessible.map((item) => (
            <li key={item.criteria}>
              <strong>
                {item.criteria.includes(",") ? t("criteriaPlural") : t("criterion")} {item.criteria}
              </strong>{" "}
              — {item[lang]}
            </li>
          ))}
        </ul>
        <p>{t("exemptions")}</p>
      </section>

      <section aria-labelledby="established">
        <h2 id="established">{t("establishedTitle")}</h2>
        <p>{t("establishedDate", { date })}</p>
        <p>{t("technologies")}</p>
        <h3>{t("environmentTitle")}</h3>
        <ul>
          {d.environment.map((e) => (
            <li key={e.en}>{e[lang]}</li>
          ))}
        </ul>
        <h3>{t("pagesTitle")}</h3>
        <ul>
          {d.pages.map((p) => (
            <li key={p.address}>
              {p[lang]} (<code>{p.address}</code>)
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="feedback">
        <h2 id="feedback">{t("feedbackTitle")}</h2>
        <p>{t("feedbackText")}</p>
        <p class="contact-line">
          <Contact site={site} />
        </p>
      </section>

      <section aria-labelledby="remedy">
        <h2 id="remedy">{t("remedyTitle")}</h2>
        <p>{t("remedyText")}</p>
        <ul>
          <li>{t("remedyForm")}</li>
          <li>{t("remedyDelegate")}</li>
          <li>{t("remedyPhone")}</li>
          <li>{t("remedyPost")}</li>
        </ul>
      </section>
    </LegalFrame>
  );
}
