// notes_update: one PATCH that changes only what was given, keeping the note's author and date.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, expectError, fresh, only } from "./harness";

beforeEach(fresh);

const NOTE = IDS.notes.acme_kickoff;

describe("notes_update", () => {
  it("replaces the content as markdown and keeps title, author and date", async () => {
    const before = await call("notes_get", { note_id: NOTE });
    const called = await call("notes_update", { note_id: NOTE, content: "## Next\n- Send quote", format: "markdown" });
    expect(only(called)).toMatchObject({
      method: "PATCH",
      path: `/v2/notes/${NOTE}`,
      body: { data: { content: "## Next\n- Send quote", format: "markdown" } },
    });
    expect(called.out.written).toEqual(["content"]);
    expect(called.out.note).toMatchObject({
      id: NOTE,
      title: before.out.title,
      created_at: before.out.created_at,
      created_by: before.out.created_by,
      content: "## Next\n- Send quote",
      format: "markdown",
    });
    expect(before.out.created_by).toContain(MEMBERS[0].id);
  });

  it("renames only, sending no content", async () => {
    const called = await call("notes_update", { note_id: NOTE, title: "Kickoff (final)" });
    expect(only(called).body).toEqual({ data: { title: "Kickoff (final)" } });
    expect(called.out.note.title).toBe("Kickoff (final)");
    expect((await call("notes_get", { note_id: NOTE })).out.content).toContain("rollout timeline");
  });

  it("refuses a call that changes nothing, or a format without content, before any request", async () => {
    const empty = await call("notes_update", { note_id: NOTE });
    expectError(empty, /title, new content, or both/);
    expect(empty.requests).toEqual([]);
    const formatOnly = await call("notes_update", { note_id: NOTE, title: "x", format: "markdown" });
    expectError(formatOnly, /give content too/);
    expect(formatOnly.requests).toEqual([]);
    expectError(await call("notes_update", { note_id: "nope", title: "x" }), /note_id/);
  });

  it("passes Attio's 404 for an unknown note with the way out", async () => {
    expectError(
      await call("notes_update", { note_id: "00000000-0000-4000-8000-000000000000", title: "x" }),
      /404/,
      /list-notes/,
    );
  });
});
