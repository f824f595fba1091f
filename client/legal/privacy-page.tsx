// The privacy notice: what Tribune keeps about a participant, why, for how long (the event's
// retention when opened from a room, `?code=`), whom to ask.
import type { Programme, SiteInfo } from "../../shared/model";
import { useLang } from "../lib/i18n";
import { storedParticipantId } from "../lib/participant";
import { Contact } from "./contact";
import { LegalFrame } from "./legal-frame";
import { t } from "./privacy-strings";
import { useEventOfAddress, useSiteInfo } from "./site-info";

/** The retention of the event the notice was opened for (`?code=`), else the server's default. */
function Retention({ site, event }: { site: SiteInfo | null | undefined; event: Programme["event"] | null }) {
  if (event?.retentionDays === null) return <p class="retention">{t("howLongUntilErased", { title: event.title })}</p>;
  if (event)
    return (
      <>
        <p class="retention">{t("howLongDays", { days: event.retentionDays })}</p>
        <p>{t("howLongEvent", { title: event.title })}</p>
      </>
    );
  return (
    <>
      {site && <p class="retention">{t("howLongDays", { days: site.defaultRetentionDays })}</p>}
      <p>{t("howLongChoice")}</p>
    </>
  );
}

export function PrivacyPage() {
  useLang();
  const site = useSiteInfo();
  const event = useEventOfAddress();
  // Shown so a request can name it; never made here (reading this page is not taking part).
  const id = storedParticipantId();
  return (
    <LegalFrame title={t("title")}>
      <p class="lead">{site?.organizationName ? t("lead", { org: site.organizationName }) : t("leadNoOrg")}</p>
      <section aria-labelledby="kept">
        <h2 id="kept">{t("keptTitle")}</h2>
        <ul>
          <li>{t("keptId")}</li>
          <li>{t("keptBallots")}</li>
          <li>{t("keptQuestions")}</li>
          <li>{t("keptUpvotes")}</li>
          <li>{t("keptNickname")}</li>
          <li>{t("keptBan")}</li>
        </ul>
      </section>
      <section aria-labelledby="not-kept">
        <h2 id="not-kept">{t("notKeptTitle")}</h2>
        <ul>
          <li>{t("notKeptAccount")}</li>
          <li>{t("notKeptCookie")}</li>
          <li>{t("notKeptIp")}</li>
          <li>{t("notKeptShown")}</li>
        </ul>
      </section>
      <section aria-labelledby="why">
        <h2 id="why">{t("whyTitle")}</h2>
        <p>{t("whyText")}</p>
      </section>
      <section aria-labelledby="how-long">
        <h2 id="how-long">{t("howLongTitle")}</h2>
        <Retention site={site} event={event} />
        <p>{t("howLongErase")}</p>
        <p>{t("howLongPhone")}</p>
      </section>
      <section aria-labelledby="who">
        <h2 id="who">{t("whoTitle")}</h2>
        <p>{t("whoController")}</p>
        <p class="contact-line">
          {t("whoContact")} <Contact site={site} />
        </p>
      </section>
      <section aria-labelledby="rights">
        <h2 id="rights">{t("rightsTitle")}</h2>
        <p>{t("rightsText")}</p>
        <p>
          {id ? (
            <>
              {t("rightsId")} <code class="device-id">{id}</code>
            </>
          ) : (
            t("rightsNoId")
          )}
        </p>
        <p>{t("rightsCnil")}</p>
      </section>
    </LegalFrame>
  );
}
