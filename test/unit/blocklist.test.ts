import { describe, expect, it } from "vitest";
import { matches } from "../../server/core/blocklist.js";

describe("blocklist", () => {
  it("matches whole words only", () => {
    expect(matches("Quel con, ce projet")).toBe(true);
    expect(matches("Le contrat de concession est-il signé ?")).toBe(false);
    expect(matches("Quel conseil pour les élus ?")).toBe(false);
    expect(matches("This is bullshit")).toBe(true);
    expect(matches("Who will shitake the mushrooms?")).toBe(false);
    expect(matches("Scunthorpe and Penistone councils")).toBe(false);
  });

  it("ignores case and accents, and reads plurals, elisions and simple leetspeak", () => {
    expect(matches("QUEL CON")).toBe(true);
    expect(matches("bande d’encules")).toBe(true);
    expect(matches("Bande d'ENCULÉS")).toBe(true);
    expect(matches("espèce de c0n")).toBe(true);
    expect(matches("les connards du conseil")).toBe(true);
    expect(matches("F U C K")).toBe(false); // letters apart are not the word: a moderator still sees it
  });

  it("matches entries of several words in a row", () => {
    expect(matches("Fils de pute !")).toBe(true);
    expect(matches("ta gueule")).toBe(true);
    expect(matches("sa gueule de bois")).toBe(false);
  });

  it("adds an event's own words, with the same rules", () => {
    expect(matches("Parlons du projet Hercule", ["hercule"])).toBe(true);
    expect(matches("Parlons du projet Herculéen", ["hercule"])).toBe(false);
    expect(matches("le Grand Projet", ["grand projet"])).toBe(true);
    expect(matches("Une question banale", [])).toBe(false);
  });

  it("checks author names like any text", () => {
    expect(matches("Gros Connard")).toBe(true);
    expect(matches("Conan")).toBe(false);
    expect(matches("")).toBe(false);
  });
});
