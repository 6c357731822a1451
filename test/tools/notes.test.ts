// Notes: create (plaintext and markdown), list a record's notes with paging, read, delete.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS, WORKSPACE } from "../sandbox/seed";
import { call, expectError, fail500, fresh, only, first, named, sent } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;

describe("create-note", () => {
  it("posts the note in the given format and returns it compactly", async () => {
    const called = await call("create-note", {
      object: "companies",
      record_id: ACME,
      title: "Call",
      content: "# Budget\n\n- confirmed",
      format: "markdown",
    });
    const request = first(called);
    expect(request).toMatchObject({ method: "POST", path: "/v2/notes" });
    expect(request.body).toEqual({
      data: {
        parent_object: "companies",
        parent_record_id: ACME,
        title: "Call",
        format: "markdown",
        content: "# Budget\n\n- confirmed",
      },
    });
    expect(called.out.note).toMatchObject({
      title: "Call",
      parent: { object: "companies", id: ACME, name: "Acme Corp" },
      url: `https://app.attio.com/${WORKSPACE.slug}/company/${ACME}`,
    });
    expect(called.out.written).toEqual(["title", "content"]);
  });

  it("defaults to plaintext and works on a custom object", async () => {
    const called = await call("create-note", {
      object: "projects",
      record_id: IDS.projects.rollout,
      title: "Status",
      content: "On track.",
    });
    expect((first(called).body as { data: { format: string } }).data.format).toBe("plaintext");
    expect(called.out.note.parent).toEqual({ object: "projects", id: IDS.projects.rollout, name: "Acme rollout" });
  });

  it("passes Attio's 404 for an unknown record", async () => {
    expectError(
      await call("create-note", {
        object: "companies",
        record_id: "c0000000-0000-4000-8000-0000000000ff",
        title: "x",
        content: "y",
      }),
      /404/,
    );
  });

  it("names a bad format", async () => {
    expectError(
      await call("create-note", { object: "companies", record_id: ACME, title: "x", content: "y", format: "html" }),
      /"format" must be one of/,
    );
  });
});

describe("list-notes", () => {
  it("lists a record's notes with snippets, paging by offset", async () => {
    const called = await call("list-notes", { object: "companies", record_id: ACME, limit: 1 });
    expect(first(called)).toMatchObject({
      method: "GET",
      path: "/v2/notes",
      query: { parent_object: "companies", parent_record_id: ACME, limit: "1", offset: "0" },
    });
    expect(called.out).toEqual({
      notes: [
        {
          id: IDS.notes.acme_kickoff,
          title: "Kickoff call",
          parent: { object: "companies", id: ACME, name: "Acme Corp" },
          url: expect.any(String),
          created_at: expect.any(String),
          author: named(MEMBERS[0]),
          meeting_id: IDS.meetings.acme_kickoff,
          snippet: "Discussed the rollout timeline and pricing. Ann will confirm the budget.",
        },
      ],
      count: 1,
      next_offset: 1,
    });
    // Author and parent named: the member directory and one query for the parent.
    expect(sent(called)).toEqual([
      "GET /v2/notes",
      "GET /v2/workspace_members",
      "POST /v2/objects/companies/records/query",
    ]);
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("list-notes", { object: "companies", record_id: ACME }), /internal error/);
  });

  it("keeps limit within Attio's maximum of 50", async () => {
    expectError(await call("list-notes", { object: "companies", record_id: ACME, limit: 51 }), /"limit"/);
  });
});

describe("notes_get", () => {
  it("returns the whole note, markdown when present", async () => {
    const called = await call("notes_get", { note_id: IDS.notes.globex_markdown });
    expect(first(called)).toMatchObject({ method: "GET", path: `/v2/notes/${IDS.notes.globex_markdown}` });
    expect(called.out).toMatchObject({
      title: "Pilot plan",
      format: "markdown",
      content: "# Pilot plan\n\n- **Scope**: 3 teams\n- Timeline: *6 weeks*",
    });
  });

  it("reads a very long note in parts, each under the size cap, with nothing lost", async () => {
    const content = Array.from({ length: 15_000 }, (_, i) => `w${i}`).join(" ");
    const created = await call("create-note", {
      object: "companies",
      record_id: IDS.companies.acme,
      title: "Long",
      content,
    });
    let text = "";
    let offset: number | undefined = 0;
    let calls = 0;
    while (offset !== undefined) {
      const part = await call("notes_get", { note_id: created.out.note.id, offset });
      expect(part.isError).toBe(false);
      expect(part.text.length).toBeLessThan(40_000);
      expect(part.out.length).toBe(content.length);
      text += part.out.content;
      offset = part.out.next_offset;
      if (offset !== undefined) expect(part.out.note).toMatch(new RegExp(`offset ${offset}`));
      calls++;
    }
    expect(calls).toBeGreaterThan(1);
    expect(text).toBe(content);
  });

  it("passes Attio's 404", async () => {
    expectError(await call("notes_get", { note_id: "a0000000-0000-4000-8000-0000000000ff" }), /404/, /not found/);
  });

  it("names a malformed id", async () => {
    expectError(await call("notes_get", { note_id: "kickoff" }), /"note_id"/);
  });
});

describe("notes_delete", () => {
  it("deletes one note by id", async () => {
    const called = await call("notes_delete", { note_id: IDS.notes.ann_intro });
    expect(only(called)).toMatchObject({ method: "DELETE", path: `/v2/notes/${IDS.notes.ann_intro}` });
    expect(called.out).toEqual({ deleted: true, id: IDS.notes.ann_intro, kind: "note" });
  });

  it("passes Attio's 404", async () => {
    expectError(await call("notes_delete", { note_id: "a0000000-0000-4000-8000-0000000000ff" }), /404/);
  });

  it("needs the id", async () => {
    expectError(await call("notes_delete", {}), /"note_id"/);
  });
});
