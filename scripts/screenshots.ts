// Screenshots of the front ends on a phone (360×640) and a projector (1920×1080), in French, on a
// real server with realistic content, into docs/screenshots/ (shown in the README).
//   npx tsx scripts/screenshots.ts            every screenshot
//   npx tsx scripts/screenshots.ts report     only those whose file name starts with "report"
// The report's shots also write docs/report-sample.pdf (the event's report printed by Chromium).
// Needs Chromium (/usr/bin/chromium) and a built client (npm run build:client).
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { CHROMIUM, launchBrowser, startPageServer } from "../test/e2e/browser.js";
import { api } from "../test/helpers/clients.js";
import type { TestServer } from "../test/helpers/server.js";
import { OUT, PHONE, PROJECTOR, pid, shoot } from "./screenshot-kit.js";
import { congressShots } from "./screenshots-congress.js";
import { reportShots } from "./screenshots-report.js";
import { speakerShots } from "./screenshots-speaker.js";
import { triageScreenshots } from "./screenshots-triage.js";

/** `--only=congress`: only the congress day's pages (programme, posters, import, timeline). */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);

async function main() {
  if (!CHROMIUM) throw new Error("Chromium is needed: install the Debian package chromium");
  mkdirSync(OUT, { recursive: true });
  const server = await startPageServer();
  const browser = await launchBrowser();
  try {
    if (ONLY !== "congress") {
      await roomShots(browser, server);
      await triageScreenshots(browser, server.url, server.adminToken);
    }
    await congressShots(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function roomShots(browser: Browser, server: TestServer) {
  {
    const base = server.url;
    const event = await api(base, "POST", "/api/events", {
      token: server.adminToken,
      body: {
        title: "Congrès des territoires 2026",
        rooms: [
          { name: "Plénière" },
          { name: "Table ronde\u202f: mobilités du quotidien dans les territoires ruraux et périurbains" },
          { name: "Table ronde\u202f: logement" },
        ],
      },
    });
    const { moderatorKey: key, rooms } = event.body as { moderatorKey: string; rooms: { code: string }[] };
    const code = rooms[0]!.code;
    const auth = { token: key };
    const poll = (
      await api(base, "POST", `/api/rooms/${code}/polls`, {
        ...auth,
        body: {
          title: "Quelle priorité pour le mandat\u202f?",
          kind: "single",
          options: ["Mobilités du quotidien", "Logement abordable", "Transition énergétique", "Services publics de proximité"],
        },
      })
    ).body as { id: string };
    const words = (
      await api(base, "POST", `/api/rooms/${code}/polls`, {
        ...auth,
        body: { title: "Un mot pour décrire votre territoire\u202f?", kind: "wordcloud" },
      })
    ).body as { id: string };
    await api(base, "POST", `/api/polls/${words.id}/open`, auth);
    const cloud = [
      "solidaire",
      "rural",
      "dynamique",
      "solidaire",
      "vivant",
      "rural",
      "solidaire",
      "attractif",
      "connecté",
      "vert",
      "dynamique",
      "résilient",
      "solidaire",
      "maritime",
      "vert",
      "jeune",
      "rural",
      "frontalier",
    ];
    for (const [i, word] of cloud.entries())
      await api(base, "POST", `/api/polls/${words.id}/votes`, { body: { participantId: pid(100 + i), choice: word } });
    await api(base, "POST", `/api/polls/${words.id}/close`, auth);
    await api(base, "POST", `/api/polls/${poll.id}/open`, auth);
    const picks = [0, 1, 1, 2, 1, 0, 3, 1, 2, 1, 0, 1, 2, 3, 1, 1, 0, 2, 1, 1, 2, 0, 1, 3, 1, 2, 1, 0, 1, 1, 2, 1];
    for (const [i, pick] of picks.entries())
      await api(base, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: pid(i), choice: [pick] } });

    const asks = [
      ["Comment financer les pistes cyclables dans les communes rurales\u202f?", "Claire, maire adjointe", 14],
      ["Quelles aides pour rénover les logements sociaux anciens\u202f?", "", 9],
      ["Peut-on mutualiser les services techniques entre intercommunalités\u202f?", "Marc", 6],
      ["Quel calendrier pour la loi de décentralisation\u202f?", "Sophie", 3],
    ] as const;
    const ids: string[] = [];
    for (const [i, [text, author, votes]] of asks.entries()) {
      const q = (await api(base, "POST", `/api/rooms/${code}/questions`, { body: { participantId: pid(200 + i), text, author } }))
        .body as { id: string };
      ids.push(q.id);
      for (let v = 0; v < votes; v++)
        await api(base, "POST", `/api/questions/${q.id}/upvote`, { body: { participantId: pid(300 + v) } });
    }
    await api(base, "PATCH", `/api/rooms/${code}`, { ...auth, body: { premoderation: true } });
    for (const [i, text] of [
      "Et la place des jeunes élus dans ces réformes\u202f?",
      "Un retour d’expérience sur les budgets participatifs\u202f?",
    ].entries()) {
      await api(base, "POST", `/api/rooms/${code}/questions`, { body: { participantId: pid(400 + i), text } });
    }

    await shoot(browser, { viewport: PHONE }, `${base}/${code}`, "audience-poll.png", async (page) => {
      await page.getByRole("button", { name: "Logement abordable" }).click();
      await page.locator(".vote-status.ok").waitFor();
    });
    await shoot(browser, { viewport: PHONE }, `${base}/${code}#questions`, "audience-questions.png", async (page) => {
      await page.locator(".questions li").nth(3).waitFor();
    });
    await shoot(browser, { viewport: PHONE }, `${base}/organiser`, "not-found-phone.png", async (page) => {
      await page.locator("h1").waitFor();
    });
    await shoot(browser, { viewport: PROJECTOR }, `${base}/organiser`, "not-found-projector.png", async (page) => {
      await page.locator("h1").waitFor();
    });
    for (const [viewport, suffix] of [
      [PROJECTOR, ""],
      [PHONE, "-phone"],
    ] as const) {
      await api(base, "PATCH", `/api/rooms/${code}`, { ...auth, body: { screen: { mode: "poll", pollId: poll.id } } });
      await shoot(browser, { viewport }, `${base}/screen/${code}`, `screen-poll${suffix}.png`, async (page) => {
        await page.locator(".big-bars li").nth(3).waitFor();
        await page.locator(".corner-qr").waitFor();
      });
      await api(base, "PATCH", `/api/rooms/${code}`, { ...auth, body: { screen: { mode: "poll", pollId: words.id } } });
      await shoot(
        browser,
        { viewport, colorScheme: "dark" },
        `${base}/screen/${code}`,
        `screen-wordcloud-dark${suffix}.png`,
        async (page) => {
          await page.locator(".cloud li").nth(5).waitFor();
        },
      );
    }
    await api(base, "POST", `/api/questions/${ids[0]}/moderate`, { ...auth, body: { action: "highlight" } });
    await api(base, "PATCH", `/api/rooms/${code}`, { ...auth, body: { screen: { mode: "auto" } } });
    await shoot(browser, { viewport: PROJECTOR }, `${base}/screen/${code}`, "screen-question.png", async (page) => {
      await page.locator(".q-big").waitFor();
    });
    await shoot(browser, { viewport: PROJECTOR }, `${base}/screen/${rooms[1]!.code}`, "screen-join.png", async (page) => {
      await page.locator(".join-qr").waitFor();
    });
    for (const [viewport, file] of [
      [PROJECTOR, "console.png"],
      [PHONE, "console-phone.png"],
    ] as const) {
      await shoot(browser, { viewport }, `${base}/moderator#key=${encodeURIComponent(key)}&room=${code}`, file, async (page) => {
        await page.locator(".q-row").nth(5).waitFor();
        // On a phone the overview comes first: show it rather than scroll to the focused question.
        if (viewport === PROJECTOR) await page.locator(".q-row .q-main").first().focus();
      });
    }
    for (const [viewport, suffix] of [
      [PROJECTOR, ""],
      [PHONE, "-phone"],
    ] as const) {
      await shoot(
        browser,
        { viewport },
        `${base}/organizer`,
        `organizer${suffix}.png`,
        async (page) => {
          await page.locator("#token").fill(server.adminToken);
          await page.locator("#event-title").fill("Assises régionales");
          await page.locator("#room-0").fill("Amphithéâtre");
          await page.locator("#room-1").fill("Salle des commissions");
        },
        suffix !== "",
      );
      await shoot(
        browser,
        { viewport },
        `${base}/organizer`,
        `organizer-created${suffix}.png`,
        async (page) => {
          await page.locator("#token").fill(server.adminToken);
          await page.locator("#event-title").fill("Assises régionales");
          await page.locator("#room-0").fill("Amphithéâtre");
          await page.locator("#room-1").fill("Salle des commissions et des délibérations du conseil régional");
          await page.locator(".org-form button[type=submit]").click();
          await page.locator("svg.room-qr").nth(1).waitFor();
        },
        true,
      );
    }
    // A ranking poll in the second room: the phone's ordering, the screen's points.
    const rankRoom = rooms[2]!.code;
    const ranking = (
      await api(base, "POST", `/api/rooms/${rankRoom}/polls`, {
        ...auth,
        body: {
          title: "Classez les priorités du logement",
          kind: "ranking",
          options: ["Rénovation thermique", "Logement des jeunes", "Résidences seniors", "Accession sociale"],
        },
      })
    ).body as { id: string };
    await api(base, "POST", `/api/polls/${ranking.id}/open`, auth);
    const orders = [
      [0, 1, 2, 3],
      [1, 0, 3, 2],
      [0, 2, 1, 3],
      [1, 0, 2, 3],
      [0, 1, 3, 2],
    ];
    for (const [i, order] of orders.entries())
      await api(base, "POST", `/api/polls/${ranking.id}/votes`, { body: { participantId: pid(500 + i), choice: order } });
    await shoot(
      browser,
      { viewport: PHONE },
      `${base}/${rankRoom}`,
      "audience-ranking.png",
      async (page) => {
        await page.locator("ol.ranking li").nth(3).waitFor();
      },
      true,
    );
    await api(base, "PATCH", `/api/rooms/${rankRoom}`, { ...auth, body: { screen: { mode: "poll", pollId: ranking.id } } });
    await shoot(browser, { viewport: PROJECTOR }, `${base}/screen/${rankRoom}`, "screen-ranking.png", async (page) => {
      await page.locator(".big-bars li").nth(3).waitFor();
    });
    for (const [viewport, suffix] of [
      [PROJECTOR, "desktop"],
      [PHONE, "phone"],
    ] as const) {
      await shoot(browser, { viewport }, `${base}/api-docs`, `api-docs-${suffix}.png`, async (page) => {
        await page.locator(".api-path").nth(3).waitFor();
      });
    }
    await reportShots(browser, base, key, event.body.id as string, { code, pollId: poll.id, questionId: ids[0]! });
    await speakerShots(browser, base, key, rooms[1]!.code);
  }
}

await main();
