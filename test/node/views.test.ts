// The Worker serves the views from generated/views.ts: it must be exactly what scripts/views.ts
// makes from src/ui, so a change to a view can never ship without its minified copy.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateViews, VIEWS_PATH } from "../../scripts/views";
import { BOARD_PAGE, CARD_PAGE } from "../../generated/views";
import { BOARD_PAGE as BOARD_SOURCE } from "../../src/ui/pipeline-board";
import { CARD_PAGE as CARD_SOURCE } from "../../src/ui/record-card";

describe("generated views", () => {
  it("match src/ui (run `npm run codegen` after changing a view)", async () => {
    const committed = await readFile(VIEWS_PATH, "utf8");
    expect(committed === (await generateViews())).toBe(true);
  });

  it.each([
    ["record card", CARD_PAGE, CARD_SOURCE],
    ["pipeline board", BOARD_PAGE, BOARD_SOURCE],
  ])("keep the %s's markup and CSP, with script and style smaller", (_name, served, source) => {
    const markup = (html: string) => html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, "");
    expect(markup(served)).toBe(markup(source));
    expect(served.length).toBeLessThan(source.length * 0.9);
  });
});
