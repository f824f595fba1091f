// The Store as the service sees it when metrics are on: every command timed under its own
// name (tribune_store_seconds{command}), and stored ballots and new questions counted, so both
// doors are counted in one place. Written out method by method, not generated: a command added
// to the Store interface fails the type check here until it is timed too.
import type { Store } from "../store/store.js";
import type { Metrics } from "./registry.js";

export function timedStore(store: Store, metrics: Metrics): Store {
  const timed =
    <A extends unknown[], R>(command: string, run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const stop = metrics.storeTimer(command);
      return run(...args).finally(stop);
    };
  const s = store;
  const castBallot = timed("castBallot", s.castBallot.bind(s));
  const ask = timed("ask", s.ask.bind(s));
  return {
    get kind() {
      return s.kind;
    },
    ready: () => s.ready(),
    close: () => s.close(),

    createEvent: timed("createEvent", s.createEvent.bind(s)),
    getEvent: timed("getEvent", s.getEvent.bind(s)),
    eventIdForKey: timed("eventIdForKey", s.eventIdForKey.bind(s)),
    addRoom: timed("addRoom", s.addRoom.bind(s)),
    deleteEvent: timed("deleteEvent", s.deleteEvent.bind(s)),
    getRoom: timed("getRoom", s.getRoom.bind(s)),
    updateRoom: timed("updateRoom", s.updateRoom.bind(s)),

    createPoll: timed("createPoll", s.createPoll.bind(s)),
    getPoll: timed("getPoll", s.getPoll.bind(s)),
    updatePoll: timed("updatePoll", s.updatePoll.bind(s)),
    deletePoll: timed("deletePoll", s.deletePoll.bind(s)),
    setPollStatus: timed("setPollStatus", s.setPollStatus.bind(s)),
    async castBallot(...args) {
      const result = await castBallot(...args);
      if (typeof result === "object") metrics.voted(); // a tally snapshot: the ballot is stored
      return result;
    },
    resetPoll: timed("resetPoll", s.resetPoll.bind(s)),
    tally: timed("tally", s.tally.bind(s)),

    findAsk: timed("findAsk", s.findAsk.bind(s)),
    async ask(...args) {
      const result = await ask(...args);
      if (typeof result === "object" && result.created) metrics.asked();
      return result;
    },
    getQuestion: timed("getQuestion", s.getQuestion.bind(s)),
    setUpvote: timed("setUpvote", s.setUpvote.bind(s)),
    updateQuestion: timed("updateQuestion", s.updateQuestion.bind(s)),

    rotateKey: timed("rotateKey", s.rotateKey.bind(s)),
    setBan: timed("setBan", s.setBan.bind(s)),
    isBanned: timed("isBanned", s.isBanned.bind(s)),
    appendAudit: timed("appendAudit", s.appendAudit.bind(s)),
    auditLog: timed("auditLog", s.auditLog.bind(s)),
    expiredEvents: timed("expiredEvents", s.expiredEvents.bind(s)),
    eraseParticipants: timed("eraseParticipants", s.eraseParticipants.bind(s)),

    roomData: timed("roomData", s.roomData.bind(s)),
    participantData: timed("participantData", s.participantData.bind(s)),
  };
}
