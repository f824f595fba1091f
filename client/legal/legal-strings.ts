// Words shared by the privacy and accessibility pages and the footer links of every public page.
import { translator } from "../lib/i18n";

const en = {
  privacyLink: "Privacy",
  accessibilityLink: "Accessibility: {status}",
  footerLabel: "About this service",
  home: "Tribune, home",
  skip: "Skip to content",
  contactFallback: "the organizer of the event (ask the team on site)",
  loading: "Loading…",
};

const fr: typeof en = {
  privacyLink: "Données personnelles",
  accessibilityLink: "Accessibilité : {status}",
  footerLabel: "À propos de ce service",
  home: "Tribune, accueil",
  skip: "Aller au contenu",
  contactFallback: "l’organisateur de l’événement (demandez à l’équipe sur place)",
  loading: "Chargement…",
};

export const { t } = translator({ en, fr });
