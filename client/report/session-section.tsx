// One session of a room in the report: its key figures, its timeline, each poll's chart and
// table, its quiz leaderboard, and the most upvoted questions with their replies.
import type { SessionReport } from "../../shared/model";
import { fmt } from "../lib/i18n";
import { CLIENT_KINDS } from "../poll-kinds";
import { REPORT_CHARTS } from "./charts";
import { QuizLeaderboard } from "./leaderboard";
import { t, tn } from "./strings";
import { Timeline } from "./timeline";
import { clock, dayAndClock } from "./when";

const total = (s: SessionReport, field: "votes" | "questions" | "reactions") => s.timeline.reduce((n, p) => n + p[field], 0);

function SessionHeading({ report, id, timeZone }: { report: SessionReport; id: string; timeZone?: string | undefined }) {
  const { session } = report;
  if (!session) return <h3 id={id}>{t("noSession")}</h3>;
  return (
    <>
      <h3 id={id}>{session.title}</h3>
      {(session.startsAt || session.speakers.length > 0) && (
        <p class="session-meta">
          {session.startsAt && (
            <span>
              {dayAndClock(session.startsAt, timeZone)}
              {session.endsAt && ` – ${clock(session.endsAt, timeZone)}`}
            </span>
          )}
          {session.speakers.length > 0 && <span>{t("speakers", { names: session.speakers.join(", ") })}</span>}
        </p>
      )}
    </>
  );
}

function KeyFigures({ report }: { report: SessionReport }) {
  const q = report.questions;
  const figures: [string, number][] = [
    [t("peak"), report.participants.peak],
    [t("distinct"), report.participants.distinct],
    [t("votes"), total(report, "votes")],
    [t("questionsAsked"), q.asked],
    [t("questionsAnswered"), q.answered],
    [t("questionsMerged"), q.merged],
    [t("reactions"), total(report, "reactions")],
  ];
  return (
    <dl class="key-figures" aria-label={t("figures")}>
      {figures.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{fmt(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Reactions({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <table class="reactions-table">
      <caption>{t("reactionTable")}</caption>
      <thead>
        <tr>
          {entries.map(([emoji]) => (
            <th key={emoji} scope="col">
              {emoji}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {entries.map(([emoji, n]) => (
            <td key={emoji}>{fmt(n)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function Polls({ report }: { report: SessionReport }) {
  if (report.polls.length === 0) return <p class="hint">{t("noPolls")}</p>;
  return (
    <>
      {report.polls.map((poll) => {
        const Chart = REPORT_CHARTS[poll.kind];
        return (
          <article key={poll.id} class="poll-report">
            <h5>{poll.title}</h5>
            <p class="poll-meta">
              {CLIENT_KINDS[poll.kind].name()} · {tn("voters", poll.results.voters)}
            </p>
            <Chart poll={poll} />
          </article>
        );
      })}
    </>
  );
}

function TopQuestions({ report }: { report: SessionReport }) {
  const top = report.questions.top;
  if (top.length === 0) return <p class="hint">{t("noQuestions")}</p>;
  return (
    <ol class="top-questions">
      {top.map((q) => (
        <li key={q.id}>
          <p class="question-text">{q.text}</p>
          <p class="question-meta">
            {q.author && <span>{q.author} · </span>}
            {tn("upvotes", q.upvotes)}
            {q.status === "answered" && <span> · {t("answered")}</span>}
          </p>
          {q.reply && (
            <p class="question-reply">
              <strong>{t("reply")}</strong> {q.reply}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function SessionSection({ report, id, timeZone }: { report: SessionReport; id: string; timeZone?: string | undefined }) {
  return (
    <section class="session-report" aria-labelledby={id}>
      <SessionHeading report={report} id={id} timeZone={timeZone} />
      <KeyFigures report={report} />
      <Reactions counts={report.reactions} />
      {report.timeline.length > 0 && (
        <>
          <h4>{t("timeline")}</h4>
          <Timeline points={report.timeline} timeZone={timeZone} />
        </>
      )}
      <h4>{t("polls")}</h4>
      <Polls report={report} />
      {report.leaderboard && (
        <>
          <h4>{t("leaderboard")}</h4>
          <QuizLeaderboard board={report.leaderboard} />
        </>
      )}
      <h4>{t("topQuestions")}</h4>
      <TopQuestions report={report} />
    </section>
  );
}
