// The accessibility declaration's fixed text (RGAA model), in French and English; its facts come
// from docs/accessibility.md through virtual:accessibility-declaration.
import { translator } from "../lib/i18n";

const en = {
  title: "Accessibility statement",
  commitment:
    "{org} is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.",
  commitmentNoOrg:
    "The organizer of the event is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.",
  scope: "This statement applies to Tribune, the live polls and questions service at {origin}.",
  statusTitle: "Compliance status",
  statusText:
    "Tribune is {status} with the French accessibility framework RGAA, version {rgaa}, because of the non-compliances listed below.",
  statusFull: "Tribune is fully compliant with the French accessibility framework RGAA, version {rgaa}.",
  resultsTitle: "Test results",
  resultsText: "The self-assessment of {date} finds that {rate} of the RGAA 4.1 criteria that apply are met.",
  countsCaption: "RGAA 4.1 criteria by result",
  result: "Result",
  criteria: "Criteria",
  C: "Met",
  NC: "Not met",
  NA: "Not applicable",
  NT: "Not tested",
  notAccessibleTitle: "Content that is not accessible",
  notAccessibleLead: "Non-compliances, by RGAA criterion:",
  criterion: "criterion",
  criteriaPlural: "criteria",
  exemptions:
    "Exemptions for disproportionate burden: none. Content not subject to the accessibility obligation: what participants type (questions, names, words) is shown as typed.",
  establishedTitle: "Preparation of this statement",
  establishedDate:
    "This statement was prepared on {date}, from the self-assessment kept with the source code (docs/accessibility.md).",
  technologies: "Technologies used: HTML, CSS, JavaScript, WAI-ARIA, SVG.",
  environmentTitle: "Test environment and tools",
  pagesTitle: "Pages assessed",
  feedbackTitle: "Feedback and contact",
  feedbackText:
    "If you cannot use a content or a service, contact the person in charge so that you are directed to an accessible alternative or given the content in another form:",
  remedyTitle: "Remedies",
  remedyText:
    "If you have reported an accessibility defect that prevents you from using a content or a service and did not get a satisfactory answer, you may:",
  remedyForm: "write a message to the Défenseur des droits (formulaire.defenseurdesdroits.fr);",
  remedyDelegate: "contact the Défenseur des droits delegate in your region (www.defenseurdesdroits.fr/saisir/delegues);",
  remedyPhone: "call 09 69 39 00 00 (from France);",
  remedyPost:
    "send a letter, free of charge, without a stamp: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.",
};

const fr: typeof en = {
  title: "Déclaration d’accessibilité",
  commitment:
    "{org} s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.",
  commitmentNoOrg:
    "L’organisateur de l’événement s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.",
  scope:
    "Cette déclaration d’accessibilité s’applique à Tribune, le service de sondages et de questions en direct à l’adresse {origin}.",
  statusTitle: "État de conformité",
  statusText:
    "Tribune est {status} avec le référentiel général d’amélioration de l’accessibilité (RGAA), version {rgaa}, en raison des non-conformités énumérées ci-dessous.",
  statusFull:
    "Tribune est totalement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version {rgaa}.",
  resultsTitle: "Résultats des tests",
  resultsText: "L’autoévaluation du {date} révèle que {rate} des critères du RGAA 4.1 applicables sont respectés.",
  countsCaption: "Critères du RGAA 4.1 par résultat",
  result: "Résultat",
  criteria: "Critères",
  C: "Conformes",
  NC: "Non conformes",
  NA: "Non applicables",
  NT: "Non testés",
  notAccessibleTitle: "Contenus non accessibles",
  notAccessibleLead: "Non-conformités, par critère du RGAA :",
  criterion: "critère",
  criteriaPlural: "critères",
  exemptions:
    "Dérogations pour charge disproportionnée : aucune. Contenus non soumis à l’obligation d’accessibilité : ce que saisissent les participants (questions, noms, mots) est affiché tel quel.",
  establishedTitle: "Établissement de cette déclaration",
  establishedDate:
    "Cette déclaration a été établie le {date}, à partir de l’autoévaluation tenue avec le code source (docs/accessibility.md).",
  technologies: "Technologies utilisées : HTML, CSS, JavaScript, WAI-ARIA, SVG.",
  environmentTitle: "Environnement de test et outils",
  pagesTitle: "Pages évaluées",
  feedbackTitle: "Retour d’information et contact",
  feedbackText:
    "Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez le responsable pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :",
  remedyTitle: "Voies de recours",
  remedyText:
    "Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et n’avez pas obtenu de réponse satisfaisante, vous pouvez :",
  remedyForm: "écrire un message au Défenseur des droits (formulaire.defenseurdesdroits.fr) ;",
  remedyDelegate: "contacter le délégué du Défenseur des droits dans votre région (www.defenseurdesdroits.fr/saisir/delegues) ;",
  remedyPhone: "appeler le 09 69 39 00 00 ;",
  remedyPost:
    "envoyer un courrier par la poste, gratuit, sans mettre de timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
};

export const { t } = translator({ en, fr });
