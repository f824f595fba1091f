// The import panel's own words, in both languages (it appears in the organizer page and the console).
import { translator } from "../lib/i18n";

const en = {
  title: "Import a programme",
  lead: "A spreadsheet saved as CSV (columns room, title, speakers, start, end, in French or English; speakers separated by |) or a pretalx/frab schedule (JSON). Times without an offset are read in the event's time zone ({zone}).",
  file: "File",
  paste: "Or paste it here",
  preview: "Preview",
  confirm: "Import",
  cancel: "Start over",
  previewing: "Reading the file…",
  importing: "Importing…",
  tooLarge: "The file is larger than 1 MB.",
  empty: "Choose a file or paste a programme first.",
  errorsTitle: "Nothing was imported: fix these lines and try again.",
  lineError: "Line {line}: {message}",
  summary:
    "Rooms: {roomsCreated} to create, {roomsExisting} existing. Sessions: {created} to create, {updated} to change, {unchanged} unchanged.",
  done: "Imported. Rooms: {roomsCreated} created. Sessions: {created} created, {updated} changed, {unchanged} unchanged.",
  nothingToDo: "This file changes nothing: everything in it is already in the programme.",
  colLine: "Line",
  colRoom: "Room",
  colTitle: "Session",
  colTime: "Time",
  colChange: "Change",
  newRoom: "new room",
  change_create: "new",
  change_update: "changed",
  change_unchanged: "unchanged",
  previewCaption: "What the import will do, line by line",
};

const fr: typeof en = {
  title: "Importer un programme",
  lead: "Un tableur enregistré en CSV (colonnes salle, titre, intervenants, début, fin, en français ou en anglais\u202f; intervenants séparés par |) ou un programme pretalx/frab (JSON). Les heures sans décalage sont lues dans le fuseau de l’événement ({zone}).",
  file: "Fichier",
  paste: "Ou collez-le ici",
  preview: "Aperçu",
  confirm: "Importer",
  cancel: "Recommencer",
  previewing: "Lecture du fichier…",
  importing: "Import en cours…",
  tooLarge: "Le fichier dépasse 1 Mo.",
  empty: "Choisissez un fichier ou collez un programme d’abord.",
  errorsTitle: "Rien n’a été importé\u202f: corrigez ces lignes et réessayez.",
  lineError: "Ligne {line}\u202f: {message}",
  summary:
    "Salles\u202f: {roomsCreated} à créer, {roomsExisting} existantes. Sessions\u202f: {created} à créer, {updated} à modifier, {unchanged} inchangées.",
  done: "Importé. Salles\u202f: {roomsCreated} créées. Sessions\u202f: {created} créées, {updated} modifiées, {unchanged} inchangées.",
  nothingToDo: "Ce fichier ne change rien\u202f: tout ce qu’il contient est déjà au programme.",
  colLine: "Ligne",
  colRoom: "Salle",
  colTitle: "Session",
  colTime: "Horaire",
  colChange: "Changement",
  newRoom: "nouvelle salle",
  change_create: "nouvelle",
  change_update: "modifiée",
  change_unchanged: "inchangée",
  previewCaption: "Ce que fera l’import, ligne par ligne",
};

export const { t } = translator({ en, fr });
