import { translator } from "../lib/i18n";

const en = {
  loading: "Loading…",
  unknown: "No room or event has the code {code}.",
  print: "Print",
  printHint: "A4 portrait. The toolbar is not printed.",
  roomLead: "Ask your questions and answer the polls",
  eventLead: "The programme of the day, on your phone",
  scan: "Scan the code with your phone's camera",
  orType: "or go to",
  code: "Code",
  qrRoom: "QR code opening {url}",
  toolbar: "Poster",
};

const fr: typeof en = {
  loading: "Chargement…",
  unknown: "Aucune salle ni aucun événement n’a le code {code}.",
  print: "Imprimer",
  printHint: "A4 portrait. La barre d’outils n’est pas imprimée.",
  roomLead: "Posez vos questions et répondez aux sondages",
  eventLead: "Le programme de la journée, sur votre téléphone",
  scan: "Scannez le code avec l’appareil photo de votre téléphone",
  orType: "ou allez sur",
  code: "Code",
  qrRoom: "QR code qui ouvre {url}",
  toolbar: "Affiche",
};

export const { t } = translator({ en, fr });
