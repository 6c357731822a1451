// Notes, tasks, comment threads, workspace members, meetings, call recordings and transcripts.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS, MEMBERS } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

const C = IDS.companies;
const author = { type: "workspace-member", id: MEMBERS[0].id };

describe("notes", () => {
  const note = (title: string, extra: Record<string, unknown> = {}) =>
    client.call("POST", "/v2/notes", {
      data: {
        parent_object: "companies",
        parent_record_id: C.initech,
        title,
        format: "plaintext",
        content: `Body of ${title}`,
        ...extra,
      },
    });

  it("pages with limit (default 10, max 50) and offset, filtered by parent", async () => {
    for (let i = 1; i <= 12; i++) await note(`Note ${i}`);
    expect((await client.call("GET", "/v2/notes")).json.data).toHaveLength(10);
    const first = await client.call("GET", `/v2/notes?parent_object=companies&parent_record_id=${C.initech}&limit=5`);
    const last = await client.call(
      "GET",
      `/v2/notes?parent_object=companies&parent_record_id=${C.initech}&limit=5&offset=10`,
    );
    expect(first.json.data.map((n: { title: string }) => n.title)).toEqual([
      "Note 1",
      "Note 2",
      "Note 3",
      "Note 4",
      "Note 5",
    ]);
    expect(last.json.data.map((n: { title: string }) => n.title)).toEqual(["Note 11", "Note 12"]);
    const tooMany = await client.call("GET", "/v2/notes?limit=51");
    expect(tooMany.status).toBe(400);
    const byObject = await client.call("GET", "/v2/notes?parent_object=people");
    expect(byObject.json.data.map((n: { id: { note_id: string } }) => n.id.note_id)).toEqual([IDS.notes.ann_intro]);
  });

  it("stores markdown and plaintext renderings", async () => {
    const md = await note("MD", {
      format: "markdown",
      content: "# Plan\n\n- **Bold** item\n- [link](https://x.example)",
    });
    expect(md.json.data).toMatchObject({
      content_markdown: "# Plan\n\n- **Bold** item\n- [link](https://x.example)",
      content_plaintext: "Plan\n\nBold item\nlink",
    });
    const plain = await note("Plain", { content: "Use *stars*" });
    expect(plain.json.data).toMatchObject({ content_plaintext: "Use *stars*", content_markdown: "Use \\*stars\\*" });
    const seeded = await client.call("GET", `/v2/notes/${IDS.notes.globex_markdown}`);
    expect(seeded.json.data.content_markdown).toContain("**Scope**");
  });

  it("rejects unknown parents and deletes notes", async () => {
    const bad = await note("X", { parent_record_id: "00000000-0000-4000-8000-000000000000" });
    expect(bad.status).toBe(404);
    expect((await client.call("DELETE", `/v2/notes/${IDS.notes.acme_kickoff}`)).json).toEqual({});
    expect((await client.call("GET", `/v2/notes/${IDS.notes.acme_kickoff}`)).status).toBe(404);
  });
});

describe("tasks", () => {
  const list = async (q: string) =>
    (await client.call("GET", `/v2/tasks${q}`)).json.data.map((t: { id: { task_id: string } }) => t.id.task_id);
  const T = IDS.tasks;

  it("filters by assignee, completion and linked record; sorts and pages", async () => {
    expect(await list("")).toEqual([T.follow_up_acme, T.send_contract, T.done_demo]);
    expect(await list(`?assignee=${MEMBERS[1].email_address}`)).toEqual([T.send_contract]);
    expect(await list(`?assignee=${MEMBERS[0].id}`)).toEqual([T.follow_up_acme, T.done_demo]);
    expect(await list("?is_completed=true")).toEqual([T.done_demo]);
    expect(await list(`?linked_object=deals&linked_record_id=${IDS.deals.globex_pilot}`)).toEqual([T.send_contract]);
    expect(await list("?sort=created_at:desc&limit=2")).toEqual([T.done_demo, T.send_contract]);
    expect(await list("?limit=2&offset=2")).toEqual([T.done_demo]);
  });

  it("creates with all required fields, patches and deletes", async () => {
    const missing = await client.call("POST", "/v2/tasks", { data: { content: "x", format: "plaintext" } });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toMatch(/deadline_at|is_completed|linked_records|assignees/);
    const created = await client.call("POST", "/v2/tasks", {
      data: {
        content: "Call Hooli",
        format: "plaintext",
        deadline_at: "2025-06-01T09:00:00Z",
        is_completed: false,
        linked_records: [{ target_object: "companies", target_record_id: C.hooli }],
        assignees: [{ referenced_actor_type: "workspace-member", referenced_actor_id: MEMBERS[1].id }],
      },
    });
    expect(created.json.data).toMatchObject({
      content_plaintext: "Call Hooli",
      deadline_at: "2025-06-01T09:00:00.000000000Z",
      is_completed: false,
      assignees: [{ referenced_actor_type: "workspace-member", referenced_actor_id: MEMBERS[1].id }],
    });
    const id = created.json.data.id.task_id;
    const patched = await client.call("PATCH", `/v2/tasks/${id}`, { data: { is_completed: true, assignees: [] } });
    expect(patched.json.data).toMatchObject({ is_completed: true, assignees: [], content_plaintext: "Call Hooli" });
    const badAssignee = await client.call("PATCH", `/v2/tasks/${id}`, {
      data: { assignees: [{ workspace_member_email_address: "nobody@x.example" }] },
    });
    expect(badAssignee.status).toBe(400);
    expect((await client.call("DELETE", `/v2/tasks/${id}`)).json).toEqual({});
    expect((await client.call("GET", `/v2/tasks/${id}`)).status).toBe(404);
  });
});

describe("threads and comments", () => {
  it("lists threads on a record, replies, starts threads, deletes the head to drop a thread", async () => {
    const threads = await client.call("GET", `/v2/threads?object=companies&record_id=${C.acme}`);
    expect(threads.json.data).toHaveLength(1);
    expect(threads.json.data[0].comments.map((c: { content_plaintext: string }) => c.content_plaintext)).toHaveLength(
      2,
    );

    const reply = await client.call("POST", "/v2/comments", {
      data: { format: "plaintext", content: "Third", author, thread_id: IDS.threads.acme },
    });
    expect(reply.json.data).toMatchObject({
      thread_id: IDS.threads.acme,
      content_plaintext: "Third",
      author: { type: "workspace-member", id: MEMBERS[0].id },
    });
    const fresh = await client.call("POST", "/v2/comments", {
      data: { format: "plaintext", content: "New topic", author, record: { object: "companies", record_id: C.acme } },
    });
    expect(fresh.json.data.thread_id).not.toBe(IDS.threads.acme);
    expect((await client.call("GET", `/v2/threads?object=companies&record_id=${C.acme}`)).json.data).toHaveLength(2);
    expect(
      (await client.call("GET", `/v2/threads?object=companies&record_id=${C.acme}&limit=1&offset=1`)).json.data,
    ).toHaveLength(1);

    const onEntry = await client.call("POST", "/v2/comments", {
      data: {
        format: "plaintext",
        content: "Entry note",
        author,
        entry: { list: "sales_pipeline", entry_id: IDS.entries.globex },
      },
    });
    expect(onEntry.json.data).toMatchObject({
      entry: { entry_id: IDS.entries.globex, list_id: IDS.lists.sales_pipeline },
      record: { record_id: C.globex },
    });
    expect(
      (await client.call("GET", `/v2/threads?list=sales_pipeline&entry_id=${IDS.entries.globex}`)).json.data,
    ).toHaveLength(1);

    await client.call("DELETE", `/v2/comments/${IDS.comments.acme_first}`);
    expect((await client.call("GET", `/v2/threads/${IDS.threads.acme}`)).status).toBe(404);
    expect((await client.call("GET", `/v2/comments/${IDS.comments.acme_reply}`)).status).toBe(404);
  });

  it("requires a record or an entry to list threads", async () => {
    expect((await client.call("GET", "/v2/threads")).status).toBe(400);
  });
});

describe("workspace members", () => {
  it("lists both members and gets one", async () => {
    const all = await client.call("GET", "/v2/workspace_members");
    expect(
      all.json.data.map((m: { email_address: string; access_level: string }) => [m.email_address, m.access_level]),
    ).toEqual([
      [MEMBERS[0].email_address, "admin"],
      [MEMBERS[1].email_address, "member"],
    ]);
  });
});

describe("meetings, call recordings and transcripts (cursor pagination)", () => {
  const M = IDS.meetings;
  const meetingIds = (res: { json: { data: { id: { meeting_id: string } }[] } }) =>
    res.json.data.map((m) => m.id.meeting_id);

  it("follows next_cursor until null", async () => {
    const first = await client.call("GET", "/v2/meetings?limit=1");
    expect(meetingIds(first)).toEqual([M.acme_kickoff]);
    expect(first.json.pagination.next_cursor).toEqual(expect.any(String));
    const second = await client.call(
      "GET",
      `/v2/meetings?limit=1&cursor=${encodeURIComponent(first.json.pagination.next_cursor)}`,
    );
    expect(meetingIds(second)).toEqual([M.globex_review]);
    expect(second.json.pagination.next_cursor).toBeNull();
    expect((await client.call("GET", "/v2/meetings?cursor=garbage")).status).toBe(400);
  });

  it.each([
    [`?linked_object=companies&linked_record_id=${C.globex}`, [M.globex_review]],
    [`?linked_object=people&linked_record_id=${IDS.people.ann}`, [M.acme_kickoff]],
    ["?participants=carla@globex.com,nobody@x.example", [M.globex_review]],
    ["?sort=start_desc", [M.globex_review, M.acme_kickoff]],
    ["?ends_from=2024-03-01T00:00:00Z", [M.globex_review]],
    ["?starts_before=2024-03-01T00:00:00Z", [M.acme_kickoff]],
  ])("filters %s", async (q, expected) => {
    expect(meetingIds(await client.call("GET", `/v2/meetings${q}`))).toEqual(expected);
  });

  it("lists call recordings and pages a transcript by cursor", async () => {
    const recs = await client.call("GET", `/v2/meetings/${M.acme_kickoff}/call_recordings`);
    expect(recs.json).toMatchObject({
      data: [{ id: { call_recording_id: IDS.call_recordings.acme_kickoff }, status: "completed" }],
      pagination: { next_cursor: null },
    });
    const url = `/v2/meetings/${M.acme_kickoff}/call_recordings/${IDS.call_recordings.acme_kickoff}/transcript`;
    const p1 = await client.call("GET", url);
    expect(p1.json.data.transcript).toHaveLength(3);
    expect(p1.json.data.raw_transcript).toContain("Ann Lee: Great.");
    const p2 = await client.call("GET", `${url}?cursor=${p1.json.pagination.next_cursor}`);
    expect(p2.json.data.transcript.map((s: { speaker: { name: string } }) => s.speaker.name)).toEqual([
      "Bob Stone",
      "Ada Admin",
    ]);
    expect(p2.json.pagination.next_cursor).toBeNull();
    expect((await client.call("GET", `/v2/meetings/${M.globex_review}/call_recordings`)).json.data).toEqual([]);
  });
});
