import { describe, expect, it } from "vitest";
import { editDistance, SIMILAR_THRESHOLD, SimilarityIndex } from "../../server/core/similarity.js";
import { analyse } from "../../server/core/similarity-terms.js";
import fixture from "../fixtures/similar-questions.json" with { type: "json" };

describe("terms of a question", () => {
  it("drops elisions, accents, case and question words, and stems plurals", () => {
    expect(analyse("Comment l’État finance-t-il les écoles ?")).toEqual(analyse("comment l'etat finance t il l'ecole"));
    expect(analyse("Les données des usagers")).toEqual(analyse("la donnée de l'usager"));
    expect(analyse("How do cities fund schools?")).toEqual(analyse("how does a city fund a school"));
  });

  it("reads abbreviations and synonyms as one concept", () => {
    expect(analyse("L’IA")).toEqual(["#ai"]);
    expect(analyse("l'intelligence artificielle")).toEqual(["#ai"]);
    expect(analyse("AI")).toEqual(["#ai"]);
    expect(analyse("le RGPD")).toEqual(analyse("the GDPR"));
    expect(analyse("une ZFE")).toEqual(analyse("une zone à faibles émissions"));
  });

  it("does not read the French “j’ai” or “ou” as an abbreviation or “où”", () => {
    expect(analyse("j’ai une question sur le budget")).not.toContain("#ai");
    expect(analyse("le budget ou le calendrier")).not.toContain("#where");
    expect(analyse("où installer les bornes")).toContain("#where");
  });

  it("reads “cyberattaque”, “cyber-attaque” and “cyber attaque” alike, and 10 000 as 10000", () => {
    expect(analyse("cyberattaque")).toEqual(analyse("cyber-attaque"));
    expect(analyse("cyber attaque")).toEqual(analyse("cyber-attaque"));
    expect(analyse("10 000 habitants")).toEqual(analyse("10000 habitants"));
  });
});

describe("the similarity index", () => {
  it("answers the most similar questions first, above the threshold, without excluded or refused ids", () => {
    const index = new SimilarityIndex();
    index.add("a", "Comment l’IA peut-elle aider les agents d’accueil en mairie ?");
    index.add("b", "En quoi l’intelligence artificielle peut aider les agents d’accueil de la mairie ?");
    index.add("c", "Quel est le calendrier des travaux du tramway ?");
    index.add("d", "L’intelligence artificielle peut-elle aider l’accueil ?");
    expect(index.query("l'IA pour aider les agents d'accueil de la mairie")).toEqual(["a", "b", "d"]);
    expect(index.query("l'IA pour aider les agents d'accueil de la mairie", { limit: 1 })).toEqual(["a"]);
    expect(index.query("l'IA pour aider les agents d'accueil de la mairie", { exclude: ["a"] })).toEqual(["b", "d"]);
    expect(index.query("l'IA pour aider les agents d'accueil de la mairie", { accept: (id) => id !== "b" })).toEqual(["a", "d"]);
    expect(index.query("Où se trouve le vestiaire ?")).toEqual([]);
  });

  it("follows adds, updates and removes, and sync makes it hold exactly the given questions", () => {
    const index = new SimilarityIndex();
    index.add("a", "Faut-il payer la rançon ?");
    index.add("b", "Quel budget pour la cybersécurité ?");
    index.update("a", "Quel budget pour la cyber-sécurité ?");
    expect(index.query("budget cybersécurité")).toEqual(["a", "b"]);
    index.remove("b");
    expect(index.query("budget cybersécurité")).toEqual(["a"]);
    index.sync([
      { id: "b", text: "Quel budget pour la cybersécurité ?" },
      { id: "c", text: "Faut-il payer la rançon ?" },
    ]);
    expect(index.size).toBe(2);
    expect(index.has("a")).toBe(false);
    expect(index.query("budget cybersécurité")).toEqual(["b"]);
  });

  it("forgives a typo in a word the room already knows", () => {
    const index = new SimilarityIndex();
    index.add("a", "What budget should a small town set aside for cybersecurity?");
    index.add("b", "Who pays for the district heating network?");
    expect(index.query("what budjet should a small town set aside for cybersecurity")).toEqual(["a"]);
    expect(editDistance("budget", "budjet", 1)).toBe(1);
    expect(editDistance("form", "from", 1)).toBe(1);
    expect(editDistance("budget", "gadget", 1)).toBe(2);
  });
});

describe("precision and recall on the labelled pairs", () => {
  it("finds most pairs that ask the same thing, and few that do not", () => {
    // The room: every question of the set, so rarity (IDF) is that of a busy session.
    const texts = [...new Set(fixture.pairs.flatMap((p) => [p.a, p.b]))];
    const index = new SimilarityIndex();
    for (const [i, text] of texts.entries()) index.add(String(i), text);
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const pair of fixture.pairs) {
      const same = index.score(pair.a, String(texts.indexOf(pair.b))) >= SIMILAR_THRESHOLD;
      if (same && pair.similar) truePositives++;
      else if (same) falsePositives++;
      else if (pair.similar) falseNegatives++;
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `similar questions: ${fixture.pairs.length} pairs, threshold ${SIMILAR_THRESHOLD}: ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(fixture.pairs.length).toBeGreaterThanOrEqual(80);
    expect(precision).toBeGreaterThanOrEqual(0.88);
    expect(recall).toBeGreaterThanOrEqual(0.88);
  });
});

describe("queryById", () => {
  it("answers what a query of the question's own text answers, itself left out", () => {
    const index = new SimilarityIndex();
    const texts = [
      "Quel budget pour la cybersécurité ?",
      "Quel budget prévoir pour la cybersécurité ?",
      "Faut-il payer la rançon ?",
    ];
    for (const [i, text] of texts.entries()) index.add(String(i), text);
    expect(index.queryById("0")).toEqual(index.query(texts[0] as string, { exclude: ["0"] }));
    expect(index.queryById("0")).toEqual(["1"]);
    expect(index.queryById("missing")).toEqual([]);
  });
});
