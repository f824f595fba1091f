// The quiz leaderboard for the back of the room: a podium of three (second, first, third from
// left to right, as on a real one), then the rest of the top 10 as a list.
import type { Leaderboard, LeaderboardEntry } from "../../shared/model";
import { fmt } from "../lib/i18n";
import { t, tn } from "./strings";

/** Podium places left to right: second, first, third (whichever exist). */
const podiumOrder = (top: LeaderboardEntry[]): LeaderboardEntry[] =>
  [top[1], top[0], top[2]].filter((e): e is LeaderboardEntry => e !== undefined);

export function LeaderboardBoard({ board }: { board: Leaderboard | null }) {
  const entries = board?.entries ?? [];
  const top = entries.slice(0, 3);
  const rest = entries.slice(3);
  return (
    <section class="leaderboard-board" aria-labelledby="leaderboard-title">
      <div class="poll-head">
        <h2 id="leaderboard-title" class="poll-title">
          {t("leaderboard")}
        </h2>
        {board && board.players > 0 && <p class="poll-state">{tn("players", board.players)}</p>}
      </div>
      {entries.length === 0 ? (
        <p class="waiting">{t("noScores")}</p>
      ) : (
        <div class="leaderboard-body">
          <ol class="podium" aria-label={t("leaderboard")}>
            {podiumOrder(top).map((e) => (
              <li key={e.nickname} class={`step step-${Math.min(e.rank, 3)}`}>
                <span class="step-name">{e.nickname}</span>
                <span class="step-score">{tn("points", e.score)}</span>
                <span class="step-block">
                  <span class="vh">{tn("rank", e.rank)}</span>
                  <span aria-hidden="true">{e.rank}</span>
                </span>
              </li>
            ))}
          </ol>
          {rest.length > 0 && (
            <ol class="ranks">
              {rest.map((e) => (
                <li key={e.nickname}>
                  <span class="rank-number">
                    <span class="vh">{tn("rank", e.rank)}</span>
                    <span aria-hidden="true">{e.rank}</span>
                  </span>
                  <span class="rank-name">{e.nickname}</span>
                  <span class="rank-score">{fmt(e.score)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
