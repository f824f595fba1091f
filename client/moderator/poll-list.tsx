// The room's polls, newest first, with their controls and live results.
import type { PollView, RoomState, Session } from "../../shared/model";
import type { LiveRoom } from "../lib/live-room";
import { type ResultLabels, ResultsView } from "../lib/results-view";
import { resultsOf } from "../lib/room-state";
import { CLIENT_KINDS } from "../poll-kinds";
import { deletePoll, pollAction, resetPoll, toggleAnswer, updatePoll, updateRoom } from "./actions";
import { t, tn } from "./strings";

const labels = (): ResultLabels => ({
  voters: (n) => tn("voters", n),
  votes: (n) => tn("votes", n),
  noAnswer: t("noAnswer"),
});

const RANK = { open: 0, draft: 1, closed: 2 } as const;

/** The open poll first, then drafts waiting to be opened, then closed ones; newest first. */
const inOrder = (polls: PollView[]) =>
  polls
    .map((poll, i) => ({ poll, i }))
    .sort((a, b) => RANK[a.poll.status] - RANK[b.poll.status] || b.i - a.i)
    .map(({ poll }) => poll);

/**
 * Polls grouped by session when the room has a programme: the current session's first, then the
 * others in the programme's order (polls prepared ahead, or kept from earlier), then those of none.
 */
function groups(polls: PollView[], sessions: Session[], current: Session | null) {
  const order = [...(current ? [current] : []), ...sessions.filter((s) => s.id !== current?.id)];
  const out = order
    .map((s) => ({ id: s.id, label: groupLabel(s, s.id === current?.id), polls: polls.filter((p) => p.sessionId === s.id) }))
    .filter((g) => g.polls.length > 0);
  const loose = polls.filter((p) => p.sessionId === null || !order.some((s) => s.id === p.sessionId));
  if (loose.length > 0) out.push({ id: "none", label: t("pollsOfNoSession"), polls: loose });
  return out;
}

const groupLabel = (s: Session, isCurrent: boolean) =>
  t(isCurrent && s.status === "live" ? "pollsOfCurrent" : "pollsOfSession", { title: s.title, status: t(`session_${s.status}`) });

export function PollList({ room, state, sessions }: { room: LiveRoom; state: RoomState; sessions: Session[] | null }) {
  if (state.polls.length === 0) return <p class="hint">{t("noPolls")}</p>;
  const screen = state.room.screen;
  const card = (poll: PollView) => (
    <PollCard key={poll.id} room={room} poll={poll} onScreen={screen.mode === "poll" && screen.pollId === poll.id} />
  );
  // A room without a programme lists its polls as it always did.
  if (!sessions || sessions.length === 0) return <ul class="poll-list">{inOrder(state.polls).map(card)}</ul>;
  return (
    <div class="poll-groups">
      {groups(state.polls, sessions, state.room.session).map((g) => (
        <div key={g.id} class="poll-group">
          <p class="poll-group-title" id={`poll-group-${g.id}`}>
            {g.label}
          </p>
          <ul class="poll-list" aria-labelledby={`poll-group-${g.id}`}>
            {inOrder(g.polls).map(card)}
          </ul>
        </div>
      ))}
    </div>
  );
}

function PollCard({ room, poll, onScreen }: { room: LiveRoom; poll: PollView; onScreen: boolean }) {
  const titleId = `poll-${poll.id}`;
  const results = resultsOf(poll, true);
  return (
    <li class={`poll-card ${poll.status}`}>
      <div class="poll-card-head">
        <h4 id={titleId}>{poll.title}</h4>
        <span class={`badge ${poll.status}`}>{t(`status_${poll.status}`)}</span>
        <span class="hint">{CLIENT_KINDS[poll.kind].name()}</span>
        {onScreen && <span class="badge open">{t("onScreen")}</span>}
      </div>
      <div class="row">
        {poll.status !== "open" ? (
          <button type="button" class="btn primary" onClick={() => void pollAction(room, "open", poll.id)}>
            {poll.status === "draft" ? t("open") : t("reopen")}
          </button>
        ) : (
          <button type="button" class="btn primary" onClick={() => void pollAction(room, "close", poll.id)}>
            {t("close")}
          </button>
        )}
        {poll.status !== "draft" && (
          <button type="button" class="btn" onClick={() => void updateRoom(room, { screen: { mode: "poll", pollId: poll.id } })}>
            {t("showOnScreen")}
          </button>
        )}
        <button
          type="button"
          class="btn"
          onClick={() => {
            if (confirm(t("confirmReset", { title: poll.title }))) void resetPoll(room, poll.id);
          }}
        >
          {t("reset")}
        </button>
        <button
          type="button"
          class="btn danger"
          onClick={() => {
            if (confirm(t("confirmDelete", { title: poll.title }))) void deletePoll(room, poll.id);
          }}
        >
          {t("remove")}
        </button>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={poll.resultsVisible}
          onChange={(e) => void updatePoll(room, poll.id, { resultsVisible: e.currentTarget.checked })}
        />
        {t("resultsVisible")}
      </label>
      {results && (
        <ResultsView
          poll={poll}
          results={results}
          labels={labels()}
          maxWords={20}
          live={poll.status === "open"}
          onToggle={(answer) => toggleAnswer(room, poll.id, answer.id, !answer.hidden)}
        />
      )}
    </li>
  );
}
