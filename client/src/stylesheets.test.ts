// The stylesheets are plain CSS, one rule after another: a rule left open (a merge that drops
// a closing brace, say) would nest every later rule inside it, where CSS nesting quietly
// applies them to nothing — the page looks broken and no other test notices.
import fs from "node:fs";
import path from "node:path";
import postcss from "postcss";
import { describe, expect, it } from "vitest";

const SHEETS = ["src/styles.css", "src/workspace/workspace.css", "src/review/review.css"];

describe("the stylesheets", () => {
  for (const sheet of SHEETS) {
    it(`${sheet} has no rule nested inside another rule`, () => {
      const root = postcss.parse(fs.readFileSync(path.resolve(import.meta.dirname, "..", sheet), "utf8"), { from: sheet });
      const nested: string[] = [];
      root.walkRules((rule) => {
        if (rule.parent?.type === "rule") nested.push(`${rule.selector} (line ${rule.source?.start?.line}) inside ${(rule.parent as postcss.Rule).selector}`);
      });
      expect(nested).toEqual([]);
    });
  }
});
