// Meetings, call recordings and transcripts: cursor paging and compact shapes.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS, WORKSPACE } from "../sandbox/seed";
import { resumeCursor } from "../../src/tools/paging";
import { call, expectError, fail500, fresh, only, first } from "./harness";

beforeEach(fresh);

const KICKOFF = IDS.meetings.acme_kickoff;
const RECORDING = IDS.call_recordings.acme_kickoff;

describe("meetings_list", () => {
  it("maps filters onto Attio's query and returns compact meetings", async () => {
    const called = await call("meetings_list", {
      object: "companies",
      record_id: IDS.companies.acme,
      participants: ["ann@acme.com"],
      from: "2024-01-01",
      to: "2024-12-31",
      sort: "start_desc",
    });
    expect(first(called)).toMatchObject({
      method: "GET",
      path: "/v2/meetings",
      query: {
        limit: "25",
        linked_object: "companies",
        linked_record_id: IDS.companies.acme,
        participants: "ann@acme.com",
        ends_from: "2024-01-01",
        starts_before: "2024-12-31",
        sort: "start_desc",
      },
    });
    expect(called.out.meetings).toEqual([
      {
        id: KICKOFF,
        title: "Acme kickoff",
        start: "2024-02-01T09:00:00Z",
        end: "2024-02-01T10:00:00Z",
        timezone: "America/Los_Angeles",
        participants: [`${MEMBERS[0].email_address} (organizer)`, "ann@acme.com", "bob@acme.com [tentative]"],
        linked_records: [
          {
            object: "companies",
            id: IDS.companies.acme,
            name: "Acme Corp",
            url: `https://app.attio.com/${WORKSPACE.slug}/company/${IDS.companies.acme}`,
          },
          {
            object: "people",
            id: IDS.people.ann,
            name: "Ann Lee",
            url: `https://app.attio.com/${WORKSPACE.slug}/person/${IDS.people.ann}`,
          },
        ],
        description: "Kickoff for the Acme rollout: timeline, pricing and owners.",
      },
    ]);
  });

  it("follows next_cursor", async () => {
    const first = await call("meetings_list", { limit: 1 });
    expect(first.out.meetings[0].id).toBe(KICKOFF);
    expect(first.out.next_cursor).toEqual(expect.any(String));
    const second = await call("meetings_list", { limit: 1, cursor: first.out.next_cursor });
    expect(second.requests[0]!.query.cursor).toBe(first.out.next_cursor);
    expect(second.out.meetings[0].id).toBe(IDS.meetings.globex_review);
  });

  it("resumes a cut page from its own cursor: the same Attio page, shown items skipped", async () => {
    const whole = await call("meetings_list", { limit: 2 });
    const resumed = await call("meetings_list", { limit: 2, cursor: resumeCursor({ skip: 1 }) });
    expect(first(resumed).query.cursor).toBeUndefined();
    expect(resumed.out.meetings.map((m: { id: string }) => m.id)).toEqual([whole.out.meetings[1].id]);
  });

  it("names a cursor it did not hand out", async () => {
    const called = await call("meetings_list", { cursor: "resume:%%%" });
    expectError(called, /"cursor"/, /next_cursor/);
    expect(called.requests).toHaveLength(0);
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("meetings_list", {}), /internal error/);
  });

  it("needs record_id with object", async () => {
    expectError(await call("meetings_list", { object: "companies" }), /record_id/);
  });
});

describe("meetings_list with meeting_id", () => {
  it("reads one meeting in full", async () => {
    const called = await call("meetings_list", { meeting_id: IDS.meetings.globex_review });
    expect(first(called)).toMatchObject({ method: "GET", path: `/v2/meetings/${IDS.meetings.globex_review}` });
    expect(called.out.count).toBe(1);
    expect(called.out.meetings[0]).toMatchObject({
      title: "Globex quarterly review",
      description: "Review of pilot progress with Globex procurement.",
      participants: [`${MEMBERS[1].email_address} (organizer)`, "carla@globex.com [pending]"],
    });
  });

  it("passes Attio's 404", async () => {
    expectError(await call("meetings_list", { meeting_id: "3e000000-0000-4000-8000-0000000000ff" }), /404/);
  });

  it("names a malformed id", async () => {
    expectError(await call("meetings_list", { meeting_id: "kickoff" }), /"meeting_id"/, /meetings_list/);
  });
});

describe("transcripts_get", () => {
  it("returns speaker lines a page at a time", async () => {
    const first = await call("transcripts_get", { meeting_id: KICKOFF, call_recording_id: RECORDING });
    expect(only(first)).toMatchObject({
      method: "GET",
      path: `/v2/meetings/${KICKOFF}/call_recordings/${RECORDING}/transcript`,
    });
    expect(first.out.lines).toEqual([
      "[00:00] Ada Admin: Thanks for joining, let's walk through the rollout plan.",
      "[00:04] Ann Lee: Great. Our main concern is the timeline for the second team.",
      "[00:09] Ada Admin: We can onboard them in week three.",
    ]);
    const second = await call("transcripts_get", {
      meeting_id: KICKOFF,
      call_recording_id: RECORDING,
      cursor: first.out.next_cursor,
    });
    expect(second.out.lines).toHaveLength(2);
    expect(second.out.next_cursor).toBeUndefined();
  });

  it("resumes a cut transcript page inside it", async () => {
    const first = await call("transcripts_get", { meeting_id: KICKOFF, call_recording_id: RECORDING });
    const resumed = await call("transcripts_get", {
      meeting_id: KICKOFF,
      call_recording_id: RECORDING,
      cursor: resumeCursor({ skip: 2 }),
    });
    expect(only(resumed).query.cursor).toBeUndefined();
    expect(resumed.out.lines).toEqual(first.out.lines.slice(2));
    expect(resumed.out.next_cursor).toBe(first.out.next_cursor);
  });

  it("passes Attio's 404", async () => {
    expectError(
      await call("transcripts_get", { meeting_id: KICKOFF, call_recording_id: "ca000000-0000-4000-8000-0000000000ff" }),
      /404/,
    );
  });

  it("finds the meeting's completed recording itself when no recording id is given", async () => {
    const called = await call("transcripts_get", { meeting_id: KICKOFF });
    expect(called.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v2/meetings/${KICKOFF}/call_recordings`,
      `GET /v2/meetings/${KICKOFF}/call_recordings/${RECORDING}/transcript`,
    ]);
    expect(called.out).toMatchObject({ call_recording_id: RECORDING, count: 3 });
    expect(called.out.lines[0]).toMatch(/Ada Admin/);
  });

  it("says so when a meeting has no recording", async () => {
    const called = await call("transcripts_get", { meeting_id: IDS.meetings.globex_review });
    expect(called.out).toMatchObject({ lines: [], count: 0, note: "This meeting has no call recording." });
  });

  it("needs the meeting id", async () => {
    expectError(await call("transcripts_get", {}), /"meeting_id"/);
  });
});
