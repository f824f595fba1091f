// Twenty pending questions for the triage run, as they reach a plenary on local public services:
// 12 to approve, 3 to reject, 3 that repeat a published question (merged into it), and 2 for the
// next round table (labelled, left pending). The published questions come first.
export const PUBLISHED = [
  "Quand les vidéos des conférences seront-elles en ligne ?",
  "Quel budget pour la cybersécurité des petites communes ?",
  "Comment recruter des développeurs dans la fonction publique territoriale ?",
];

export type Decision = "approve" | "reject" | "merge" | "label";

/** In arrival order (the queue lists the oldest first). */
export const PENDING: { text: string; decision: Decision }[] = [
  { text: "Combien de communes utilisent déjà la plateforme de paiement en ligne ?", decision: "approve" },
  { text: "Les vidéos des conférences seront-elles en ligne, et quand ?", decision: "merge" },
  { text: "Qui finance la fibre dans les zones rurales ?", decision: "approve" },
  { text: "Vous êtes tous des vendus", decision: "reject" },
  { text: "Quelle place pour les logiciels libres dans les marchés publics ?", decision: "approve" },
  { text: "Pour la table ronde de cet après-midi : quel rôle pour les régions ?", decision: "label" },
  { text: "Comment former les agents d'accueil au numérique ?", decision: "approve" },
  { text: "Quel budget prévoir pour la cybersécurité des petites communes ?", decision: "merge" },
  { text: "Où en est le projet de carte d'identité numérique ?", decision: "approve" },
  { text: "Acheter des followers pas cher, cliquez ici", decision: "reject" },
  { text: "Les données des usagers sont-elles hébergées en France ?", decision: "approve" },
  { text: "Comment mesurer la satisfaction des usagers des services en ligne ?", decision: "approve" },
  { text: "Comment recruter des développeurs dans la fonction publique ?", decision: "merge" },
  { text: "Quelles aides pour équiper les écoles en tablettes ?", decision: "approve" },
  { text: "Table ronde : les départements peuvent-ils mutualiser leurs équipes ?", decision: "label" },
  { text: "Le standard téléphonique va-t-il disparaître ?", decision: "approve" },
  { text: "test test test", decision: "reject" },
  { text: "Quel calendrier pour la dématérialisation des permis de construire ?", decision: "approve" },
  { text: "Comment accompagner les personnes éloignées du numérique ?", decision: "approve" },
  { text: "Les petites mairies auront-elles un référent cybersécurité ?", decision: "approve" },
];

/** The label given to the round table's questions (typed in full: each letter is a keystroke). */
export const LABEL = "TR2";
