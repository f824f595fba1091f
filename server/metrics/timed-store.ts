// The Store as the service sees it when metrics are on: every command timed under its own
// name (tribune_store_seconds{command}), and stored ballots and new questions counted, so both
// doors are counted in one place. Written out method by method, not generated: a command added
// to the Store interface fails the type check here until it is timed too.
import type { Store } from "../store/store.js";
import type { Metrics } from "./registry.js";

type Command = Exclude<keyof Store, "kind" | "ready" | "close">;

export function timedStore(store: Store, metrics: Metrics): Store {
  const s = store;
  /** The store's method is looked up at each call, so whoever replaces it on the store is obeyed. */
  const timed = <K extends Command>(command: K): Store[K] =>
    ((...args: unknown[]) => {
      const stop = metrics.storeTimer(command);
      return (s[command] as (...a: unknown[]) => Promise<unknown>).apply(s, args).finally(stop);
    }) as Store[K];
  const castBallot = timed("castBallot");
  const ask = timed("ask");
  return {
    get kind() {
      return s.kind;
    },
    ready: () => s.ready(),
    close: () => s.close(),

    createEvent: timed("createEvent"),
    getEvent: timed("getEvent"),
    eventBlocklist: timed("eventBlocklist"),
    updateEvent: timed("updateEvent"),
    eventIdForKey: timed("eventIdForKey"),
    eventIdForCode: timed("eventIdForCode"),
    addRoom: timed("addRoom"),
    deleteEvent: timed("deleteEvent"),
    getRoom: timed("getRoom"),
    updateRoom: timed("updateRoom"),

    createSession: timed("createSession"),
    getSession: timed("getSession"),
    listSessions: timed("listSessions"),
    updateSession: timed("updateSession"),
    deleteSession: timed("deleteSession"),
    setSessionStatus: timed("setSessionStatus"),
    importProgramme: timed("importProgramme"),
    autoSessionEvents: timed("autoSessionEvents"),

    createPoll: timed("createPoll"),
    getPoll: timed("getPoll"),
    updatePoll: timed("updatePoll"),
    deletePoll: timed("deletePoll"),
    setPollStatus: timed("setPollStatus"),
    async castBallot(...args) {
      const result = await castBallot(...args);
      if (typeof result === "object") metrics.voted(); // a tally snapshot: the ballot is stored
      return result;
    },
    resetPoll: timed("resetPoll"),
    tally: timed("tally"),
    answer: timed("answer"),
    setAnswerHidden: timed("setAnswerHidden"),
    addReactions: timed("addReactions"),
    reactionTotals: timed("reactionTotals"),
    recordActivity: timed("recordActivity"),
    activity: timed("activity"),

    findAsk: timed("findAsk"),
    async ask(...args) {
      const result = await ask(...args);
      if (typeof result === "object" && result.created) metrics.asked();
      return result;
    },
    getQuestion: timed("getQuestion"),
    setUpvote: timed("setUpvote"),
    updateQuestion: timed("updateQuestion"),
    annotateQuestion: timed("annotateQuestion"),
    mergeQuestion: timed("mergeQuestion"),

    rotateKey: timed("rotateKey"),
    createRoomKey: timed("createRoomKey"),
    listRoomKeys: timed("listRoomKeys"),
    getRoomKey: timed("getRoomKey"),
    findRoomKey: timed("findRoomKey"),
    deleteRoomKey: timed("deleteRoomKey"),
    addMessage: timed("addMessage"),
    messages: timed("messages"),
    setBan: timed("setBan"),
    isBanned: timed("isBanned"),
    appendAudit: timed("appendAudit"),
    auditLog: timed("auditLog"),
    setRetention: timed("setRetention"),
    expiredEvents: timed("expiredEvents"),
    eraseParticipants: timed("eraseParticipants"),

    roomData: timed("roomData"),
    participantData: timed("participantData"),
  };
}
