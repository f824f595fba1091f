// PRIVACY_CONTACT as a link (mailto: for an e-mail address), or whom to ask when none is set.
import type { SiteInfo } from "../../shared/model";
import { t } from "./legal-strings";

export function Contact({ site }: { site: SiteInfo | null | undefined }) {
  if (site === undefined) return <>{t("loading")}</>;
  const org = site?.organizationName;
  const contact = site?.privacyContact;
  if (!contact) return <>{org ?? t("contactFallback")}</>;
  const href = /^https?:/.test(contact) ? contact : `mailto:${contact}`;
  return (
    <>
      {org && <>{org}, </>}
      <a class="contact" href={href}>
        {contact}
      </a>
    </>
  );
}
