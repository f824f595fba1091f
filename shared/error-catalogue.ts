// Every error the server answers, once: its code (which sets the HTTP status) and a sentence a
// person can act on, in English and French. French is written with plain spaces and quotes;
// `frenchTypography` gives it its narrow no-break spaces and apostrophes.
import { AppError, type ErrorCode, type LineMessage } from "./errors.js";
import { frenchTypography } from "./typography.js";

const error = (code: ErrorCode, en: string, fr: string, retryAfter?: number): AppError =>
  new AppError(code, { en, fr: frenchTypography(fr) }, retryAfter);

export const ERR = {
  // 401: who is calling
  keyRequired: () =>
    error(
      "unauthorized",
      "A moderator key (or the admin token) is required: send it in the Authorization header (Bearer <key>).",
      "Une clé de modération (ou le jeton d'administration) est requise : envoyez-la dans l'en-tête Authorization (Bearer <clé>).",
    ),
  adminTokenRequired: () =>
    error(
      "unauthorized",
      "The admin token is required: send it in the Authorization header (Bearer <token>).",
      "Le jeton d'administration est requis : envoyez-le dans l'en-tête Authorization (Bearer <jeton>).",
    ),
  wrongAdminToken: () =>
    error(
      "unauthorized",
      "This admin token is not valid. Use the token the server printed at its first start (ADMIN_TOKEN or DATA_DIR/admin-token).",
      "Ce jeton d'administration n'est pas valide. Utilisez celui que le serveur a affiché à son premier démarrage (ADMIN_TOKEN ou DATA_DIR/admin-token).",
    ),
  metricsTokenRequired: () =>
    error(
      "unauthorized",
      "The metrics need the token set in METRICS_TOKEN: send it in the Authorization header (Bearer <token>).",
      "Les métriques demandent le jeton défini dans METRICS_TOKEN : envoyez-le dans l'en-tête Authorization (Bearer <jeton>).",
    ),
  wrongKey: () =>
    error(
      "unauthorized",
      "This key is not valid. Check the moderator key.",
      "Cette clé n'est pas valide. Vérifiez la clé de modération.",
    ),

  // 404: what it is about
  unknownRoom: () =>
    error(
      "not_found",
      "No room has this code. Check the code and try again.",
      "Aucune salle n'a ce code. Vérifiez le code et réessayez.",
    ),
  unknownCode: () =>
    error(
      "not_found",
      "No event or room has this code. Check the code and try again.",
      "Aucun événement ni aucune salle n'a ce code. Vérifiez le code et réessayez.",
    ),
  unknownEvent: () => error("not_found", "This event does not exist.", "Cet événement n'existe pas."),
  unknownSession: () => error("not_found", "This session does not exist.", "Cette session n'existe pas."),
  unknownKey: () =>
    error("not_found", "This key does not exist (or was revoked).", "Cette clé n'existe pas (ou a été révoquée)."),
  unknownPoll: () => error("not_found", "This poll does not exist.", "Ce sondage n'existe pas."),
  unknownQuestion: () => error("not_found", "This question does not exist.", "Cette question n'existe pas."),
  unknownAnswer: () =>
    error(
      "not_found",
      "This answer does not exist (it may have been replaced).",
      "Cette réponse n'existe pas (elle a peut-être été remplacée).",
    ),
  nothingHere: () => error("not_found", "Nothing is here. Check the address.", "Il n'y a rien ici. Vérifiez l'adresse."),

  // 403: who may do it
  otherEvent: () => error("forbidden", "This key belongs to another event.", "Cette clé appartient à un autre événement."),
  organizerOnly: () =>
    error(
      "forbidden",
      "Only the organizer (admin token) may do this.",
      "Seul l'organisateur (jeton d'administration) peut faire cela.",
    ),
  keyNotForRoom: () =>
    error(
      "forbidden",
      "This moderator key is not valid for this room.",
      "Cette clé de modération n'est pas valide pour cette salle.",
    ),
  roleForbidden: () =>
    error("forbidden", "Your role may not do this in this room.", "Votre rôle ne permet pas cette action dans cette salle."),
  keyOfOtherRoom: () => error("forbidden", "This key is for another room.", "Cette clé est celle d'une autre salle."),
  roomKeyNotEventWide: () =>
    error(
      "forbidden",
      "A room key acts in its own room only: this needs the event's moderator key.",
      "Une clé de salle n'agit que dans sa salle : il faut ici la clé de modération de l'événement.",
    ),
  speakerForbidden: () =>
    error(
      "forbidden",
      "A speaker key may read the questions, mark one answered, highlight one and reply; not this.",
      "Une clé d'intervenant permet de lire les questions, d'en marquer une répondue, d'en mettre une en avant et de répondre ; pas ceci.",
    ),
  banned: () =>
    error(
      "forbidden",
      "A moderator has blocked your votes and questions in this room.",
      "Un modérateur a bloqué vos votes et vos questions dans cette salle.",
    ),
  resultsHidden: () =>
    error(
      "forbidden",
      "The results of this poll are hidden for now.",
      "Les résultats de ce sondage sont masqués pour le moment.",
    ),
  metricsLocalOnly: () =>
    error(
      "forbidden",
      "The metrics are served only to this machine. Set METRICS_TOKEN to read them from elsewhere.",
      "Les métriques ne sont servies qu'à cette machine. Définissez METRICS_TOKEN pour les lire d'ailleurs.",
    ),
  crossSite: () =>
    error(
      "forbidden",
      "This request comes from a page of another site, which this server does not accept.",
      "Cette requête vient d'une page d'un autre site, ce que ce serveur n'accepte pas.",
    ),

  // 400 and 413: what was sent
  malformedJson: () => error("invalid", "The body is not valid JSON.", "Le corps de la requête n'est pas du JSON valide."),
  forbiddenKeys: () =>
    error(
      "invalid",
      "Keys named __proto__ or constructor are not allowed.",
      "Les clés __proto__ et constructor sont interdites.",
    ),
  invalidField: (field: string, detail: string) =>
    error("invalid", `Invalid ${field}: ${detail}.`, `Champ ${field} invalide : ${detail}.`),
  invalidRequest: () => error("invalid", "The request is not valid.", "La requête n'est pas valide."),
  invalidProgramme: (details: LineMessage[]) =>
    new AppError(
      "invalid",
      {
        en: `The programme has ${details.length === 1 ? "an error" : "errors"}: nothing was imported. Fix the lines listed in details and send it again.`,
        fr: frenchTypography(
          `Le programme contient ${details.length === 1 ? "une erreur" : "des erreurs"} : rien n'a été importé. Corrigez les lignes indiquées dans details et renvoyez-le.`,
        ),
      },
      undefined,
      details,
    ),
  notJson: () =>
    error(
      "invalid",
      "Send the body as JSON (Content-Type application/json).",
      "Envoyez le corps en JSON (Content-Type application/json).",
    ),
  badHttp: () => error("invalid", "The request is not valid HTTP.", "La requête n'est pas du HTTP valide."),
  requestTimeout: () =>
    error(
      "invalid",
      "The request took too long to arrive. Send it again.",
      "La requête a mis trop de temps à arriver. Renvoyez-la.",
    ),
  badHandshake: () =>
    error(
      "invalid",
      "Join with a room code and a participant id, a moderator key, or as a screen.",
      "Rejoignez avec un code de salle et un identifiant de participant, une clé de modération, ou comme écran.",
    ),
  unknownSocketEvent: (name: string) => error("invalid", `Unknown event "${name}".`, `Événement inconnu « ${name} ».`),
  sessionOfOtherRoom: () =>
    error(
      "invalid",
      "Invalid sessionId: a poll can only belong to a session of its room.",
      "Champ sessionId invalide : un sondage ne peut appartenir qu'à une session de sa salle.",
    ),
  sessionEndsBeforeStart: () =>
    error("invalid", "Invalid endsAt: must be after startsAt.", "Champ endsAt invalide : doit être après startsAt."),
  screenPollOfOtherRoom: () =>
    error("invalid", "The screen can only show a poll of this room.", "L'écran ne peut montrer qu'un sondage de cette salle."),
  bodyTooLarge: (kb: number) => error("too_large", `The body is larger than ${kb} KB.`, `Le corps dépasse ${kb} Ko.`),
  headersTooLarge: () =>
    error(
      "too_large",
      "The request's address or headers are larger than 16 KB.",
      "L'adresse ou les en-têtes de la requête dépassent 16 Ko.",
    ),

  // 409: the state forbids it
  tooManyRooms: (max: number) =>
    error("conflict", `An event has at most ${max} rooms.`, `Un événement compte au plus ${max} salles.`),
  tooManySessions: (max: number) =>
    error("conflict", `A room has at most ${max} sessions.`, `Une salle compte au plus ${max} sessions.`),
  tooManyKeys: (max: number) =>
    error(
      "conflict",
      `A room has at most ${max} keys: revoke one first.`,
      `Une salle compte au plus ${max} clés : révoquez-en une d'abord.`,
    ),
  programmeChanged: () =>
    error(
      "conflict",
      "The programme changed while it was being imported: nothing was imported. Send it again.",
      "Le programme a changé pendant l'import : rien n'a été importé. Renvoyez-le.",
    ),
  sessionLive: () =>
    error(
      "conflict",
      "A live session cannot be deleted: end it first.",
      "Une session en cours ne peut pas être supprimée : terminez-la d'abord.",
    ),
  cannotStartSession: () =>
    error(
      "conflict",
      "Only an upcoming or ended session can be started.",
      "Seule une session à venir ou terminée peut être démarrée.",
    ),
  cannotEndSession: () =>
    error("conflict", "Only a live session can be ended.", "Seule une session en cours peut être terminée."),
  pollOfOtherSession: () =>
    error(
      "conflict",
      "This poll belongs to another session than the room's current one: start its session first.",
      "Ce sondage appartient à une autre session que celle en cours dans la salle : démarrez d'abord sa session.",
    ),
  pollNotOpen: () => error("conflict", "This poll is not open for votes.", "Ce sondage n'est pas ouvert au vote."),
  pollNotDraft: () =>
    error(
      "conflict",
      "Title and options can only change while the poll is a draft.",
      "Le titre et les options ne changent que tant que le sondage est un brouillon.",
    ),
  cannotOpenPoll: () =>
    error("conflict", "Only a draft or closed poll can be opened.", "Seul un brouillon ou un sondage fermé peut être ouvert."),
  cannotClosePoll: () => error("conflict", "Only an open poll can be closed.", "Seul un sondage ouvert peut être fermé."),
  quizClosedForGood: () =>
    error(
      "conflict",
      "A closed quiz cannot be opened again or reset: its scores are counted. Create a new quiz.",
      "Un quiz fermé ne peut être ni rouvert ni remis à zéro : ses points sont comptés. Créez un nouveau quiz.",
    ),
  quizAnswerFinal: () =>
    error(
      "conflict",
      "Your answer to this quiz is final: it cannot be changed.",
      "Votre réponse à ce quiz est définitive : elle ne peut pas être changée.",
    ),
  quizTimeUp: () => error("conflict", "Time is up for this quiz.", "Le temps est écoulé pour ce quiz."),
  nicknameTaken: (suggestion: string) =>
    new AppError(
      "conflict",
      {
        en: `This nickname is taken in this room. Try "${suggestion}".`,
        fr: frenchTypography(`Ce pseudo est déjà pris dans cette salle. Essayez « ${suggestion} ».`),
      },
      undefined,
      undefined,
      suggestion,
    ),
  qaClosed: () => error("conflict", "Questions are closed in this room.", "Les questions sont fermées dans cette salle."),
  questionChanged: () =>
    error("conflict", "The question changed meanwhile. Try again.", "La question a changé entre-temps. Réessayez."),
  cannotUpvote: () =>
    error("conflict", "Only live questions can be upvoted.", "Seules les questions en ligne peuvent recevoir un vote."),
  noMoreUpvotes: () => error("conflict", "This question no longer takes upvotes.", "Cette question ne reçoit plus de votes."),
  cannotMergeInto: () =>
    error(
      "conflict",
      "A question can only be merged into another live or answered question of the same room.",
      "Une question ne peut être fusionnée que dans une autre question en ligne ou répondue de la même salle.",
    ),
  cannotModerate: (action: string, status: string) =>
    error(
      "conflict",
      `A ${status} question cannot be given "${action}".`,
      `L'action « ${action} » est impossible sur une question à l'état « ${status} ».`,
    ),
  authorForgotten: () =>
    error(
      "conflict",
      "The author of this question can no longer be told apart: the event's retention has passed.",
      "L'auteur de cette question ne peut plus être identifié : la durée de conservation de l'événement est passée.",
    ),

  // 429: too much, too fast
  tooManyReactions: (wait: number) =>
    error(
      "rate_limited",
      `Five reactions a second at most. Try again in ${wait} s.`,
      `Cinq réactions par seconde au plus. Réessayez dans ${wait} s.`,
      wait,
    ),
  tooManyRequests: (wait: number) =>
    error("rate_limited", `Too many requests. Try again in ${wait} s.`, `Trop de requêtes. Réessayez dans ${wait} s.`, wait),
  networkBusy: (wait: number) =>
    error(
      "rate_limited",
      `Too many actions from this network right now. Try again in ${wait} s.`,
      `Trop d'actions depuis ce réseau en ce moment. Réessayez dans ${wait} s.`,
      wait,
    ),
  tooManyConnections: (wait: number) =>
    error(
      "rate_limited",
      `Too many connections from this network right now. Try again in ${wait} s.`,
      `Trop de connexions depuis ce réseau en ce moment. Réessayez dans ${wait} s.`,
      wait,
    ),
  socketTooFast: (wait: number) =>
    error(
      "rate_limited",
      `This connection sends too many messages. Wait ${wait} s.`,
      `Cette connexion envoie trop de messages. Patientez ${wait} s.`,
      wait,
    ),
  tooManyWrongKeys: (wait: number) =>
    error(
      "rate_limited",
      "Too many wrong keys from this address. Wait before trying again.",
      "Trop de clés erronées depuis cette adresse. Patientez avant de réessayer.",
      wait,
    ),

  // 503: try again later
  unavailable: () =>
    error(
      "unavailable",
      "The service is unavailable for a moment. Try again shortly.",
      "Le service est momentanément indisponible. Réessayez dans un instant.",
    ),
  serverFull: () =>
    error(
      "unavailable",
      "This server has reached its maximum number of connections. Try again in a moment.",
      "Ce serveur a atteint son nombre maximal de connexions. Réessayez dans un instant.",
      5,
    ),
  /** A join storm beyond what the node takes at once: the phone waits and tries again by itself. */
  joinQueue: (wait: number) =>
    error(
      "unavailable",
      `Many people are joining at once: trying again in ${wait} s.`,
      `Beaucoup de monde se connecte en même temps : nouvel essai dans ${wait} s.`,
      wait,
    ),
  noFreeCode: () =>
    error("unavailable", "Could not draw a free room code. Try again.", "Impossible de tirer un code de salle libre. Réessayez."),
} as const;
