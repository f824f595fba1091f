// The privacy notice, in plain French and English. Facts from docs/security.md ("Personal data").
import { translator } from "../lib/i18n";

const en = {
  title: "Your personal data",
  lead: "Tribune is the tool {org} uses for live polls and questions at this event. Here is what it keeps about you, why, for how long, and whom to ask.",
  leadNoOrg:
    "Tribune is the tool the organizer of this event uses for live polls and questions. Here is what it keeps about you, why, for how long, and whom to ask.",
  keptTitle: "What Tribune keeps",
  keptId:
    "A random identifier made by your phone the first time you open a room, kept in your browser’s storage and sent with what you do. It is not your name, your number or your phone’s serial number.",
  keptBallots: "Your answers to polls, one per poll (a new answer replaces the previous one), linked to that identifier.",
  keptQuestions: "The questions you ask, and the name you type with them if you choose to give one (it is optional).",
  keptUpvotes: "The questions you support.",
  keptNickname: "The nickname you choose if you take part in a quiz, shown in the leaderboard and in the event’s report.",
  keptBan: "If a moderator stops the author of a question from taking part: that identifier, in that room.",
  notKeptTitle: "What Tribune does not keep",
  notKeptAccount: "No account, no e-mail address, no phone number.",
  notKeptCookie: "No cookie and no tracking: no advertising, no audience measurement, nothing loaded from another site.",
  notKeptIp:
    "No IP address stored: your address is used in memory for a few seconds to a few minutes to slow down floods, and is never written in the data or in the logs.",
  notKeptShown:
    "Moderators, screens and exports never see your identifier. Your questions are public in the room once published; your answers are only counted.",
  whyTitle: "Why",
  whyText:
    "To run the polls and the questions of the event: counting one answer per person per poll, showing you what you did when you come back, and stopping abuse. Taking part is voluntary.",
  howLongTitle: "For how long",
  howLongDays:
    "{days} days after the event was created, Tribune erases what links your answers to your phone: the identifier, who answered what, who supported which question, your quiz nickname (the report’s leaderboards are then empty). Only the totals remain, and the questions with the name given with them.",
  howLongChoice:
    "This is the default: the organizer may choose another length for the event, from 1 to 365 days. Ask them for this event’s.",
  howLongEvent: "This is the length the organizer chose for “{title}”.",
  howLongUntilErased: "For “{title}”, Tribune keeps them until the organizer erases the event.",
  howLongErase: "When the organizer erases the event, everything of it is erased at once.",
  howLongPhone: "The identifier stays in your phone’s browser until you clear this site’s data.",
  whoTitle: "Whom to ask",
  whoController: "The organizer of the event decides what is done with this data (the data controller).",
  whoContact: "Contact:",
  rightsTitle: "Your rights",
  rightsText:
    "You may ask to see what is kept about you, to have it corrected or erased, or object to its use. Tribune does not know who you are: send the identifier of your phone with your request, so your data can be found.",
  rightsId: "Identifier of this phone:",
  rightsNoId: "This phone has no identifier yet: it gets one when it opens a room.",
  rightsCnil:
    "If you think your rights are not respected, you may complain to the CNIL (Commission nationale de l’informatique et des libertés), online at www.cnil.fr/fr/plaintes, or by post: CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.",
};

const fr: typeof en = {
  title: "Vos données personnelles",
  lead: "Tribune est l’outil qu’utilise {org} pour les sondages et les questions en direct de cet événement. Voici ce qu’il garde sur vous, pourquoi, combien de temps, et à qui vous adresser.",
  leadNoOrg:
    "Tribune est l’outil qu’utilise l’organisateur de cet événement pour les sondages et les questions en direct. Voici ce qu’il garde sur vous, pourquoi, combien de temps, et à qui vous adresser.",
  keptTitle: "Ce que Tribune garde",
  keptId:
    "Un identifiant aléatoire créé par votre téléphone la première fois que vous ouvrez une salle, gardé dans le stockage de votre navigateur et envoyé avec ce que vous faites. Ce n’est ni votre nom, ni votre numéro, ni le numéro de série de votre téléphone.",
  keptBallots:
    "Vos réponses aux sondages, une par sondage (une nouvelle réponse remplace la précédente), liées à cet identifiant.",
  keptQuestions:
    "Les questions que vous posez, et le nom que vous saisissez avec elles si vous choisissez d’en donner un (c’est facultatif).",
  keptUpvotes: "Les questions que vous soutenez.",
  keptNickname:
    "Le pseudonyme que vous choisissez si vous participez à un quiz, affiché dans le classement et dans le compte rendu de l’événement.",
  keptBan: "Si un modérateur empêche l’auteur d’une question de participer : cet identifiant, dans cette salle.",
  notKeptTitle: "Ce que Tribune ne garde pas",
  notKeptAccount: "Ni compte, ni adresse électronique, ni numéro de téléphone.",
  notKeptCookie: "Ni cookie ni pistage : pas de publicité, pas de mesure d’audience, rien n’est chargé depuis un autre site.",
  notKeptIp:
    "Aucune adresse IP enregistrée : votre adresse sert en mémoire, quelques secondes à quelques minutes, à freiner les abus ; elle n’est jamais écrite dans les données ni dans les journaux.",
  notKeptShown:
    "Les modérateurs, les écrans et les exports ne voient jamais votre identifiant. Vos questions sont publiques dans la salle une fois publiées ; vos réponses sont seulement comptées.",
  whyTitle: "Pourquoi",
  whyText:
    "Pour faire fonctionner les sondages et les questions de l’événement : compter une réponse par personne et par sondage, vous montrer ce que vous avez fait quand vous revenez, et empêcher les abus. Participer est libre.",
  howLongTitle: "Combien de temps",
  howLongDays:
    "{days} jours après la création de l’événement, Tribune efface ce qui relie vos réponses à votre téléphone : l’identifiant, qui a répondu quoi, qui a soutenu quelle question, votre pseudonyme de quiz (les classements du compte rendu sont alors vides). Il ne reste que les totaux, et les questions avec le nom donné avec elles.",
  howLongChoice:
    "C’est la durée par défaut : l’organisateur peut en choisir une autre pour l’événement, de 1 à 365 jours. Demandez-lui celle de cet événement.",
  howLongEvent: "C’est la durée que l’organisateur a choisie pour « {title} ».",
  howLongUntilErased: "Pour « {title} », Tribune les garde jusqu’à ce que l’organisateur supprime l’événement.",
  howLongErase: "Quand l’organisateur supprime l’événement, tout ce qui le concerne est effacé d’un coup.",
  howLongPhone: "L’identifiant reste dans le navigateur de votre téléphone jusqu’à ce que vous effaciez les données de ce site.",
  whoTitle: "À qui vous adresser",
  whoController: "L’organisateur de l’événement décide de l’usage de ces données (il est responsable du traitement).",
  whoContact: "Contact :",
  rightsTitle: "Vos droits",
  rightsText:
    "Vous pouvez demander à voir ce qui est gardé sur vous, à le faire corriger ou effacer, ou vous opposer à son usage. Tribune ne sait pas qui vous êtes : joignez à votre demande l’identifiant de votre téléphone, pour que vos données puissent être retrouvées.",
  rightsId: "Identifiant de ce téléphone :",
  rightsNoId: "Ce téléphone n’a pas encore d’identifiant : il en reçoit un en ouvrant une salle.",
  rightsCnil:
    "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (Commission nationale de l’informatique et des libertés), en ligne sur www.cnil.fr/fr/plaintes, ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.",
};

export const { t } = translator({ en, fr });
