// Comment threads on records and entries: read, post (new thread or reply), delete.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, context, expectError, fail500, fresh, only } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;
const [ADA, MAX] = MEMBERS;

describe("comments_list", () => {
  it("reads a record's threads with their comments", async () => {
    const called = await call("comments_list", { object: "companies", record_id: ACME });
    expect(only(called)).toMatchObject({
      method: "GET",
      path: "/v2/threads",
      query: { object: "companies", record_id: ACME, limit: "10", offset: "0" },
    });
    expect(called.out).toEqual({
      threads: [
        {
          id: IDS.threads.acme,
          created_at: expect.any(String),
          comments: [
            {
              id: IDS.comments.acme_first,
              author: ADA.id,
              content: "Can someone check the renewal terms before Friday?",
              created_at: expect.any(String),
            },
            {
              id: IDS.comments.acme_reply,
              author: MAX.id,
              content: "On it, I will update the deal by Thursday.",
              created_at: expect.any(String),
            },
          ],
        },
      ],
      count: 1,
    });
  });

  it("reads an entry's threads by list and entry id", async () => {
    const called = await call("comments_list", { list: "sales_pipeline", entry_id: IDS.entries.globex });
    expect(only(called).query).toMatchObject({ list: "sales_pipeline", entry_id: IDS.entries.globex });
    expect(called.out.count).toBe(0);
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("comments_list", { object: "companies", record_id: ACME }), /internal error/);
  });

  it("needs exactly one complete target", async () => {
    expectError(await call("comments_list", {}), /exactly one of "object"\+"record_id" or "list"\+"entry_id"/);
    expectError(await call("comments_list", { object: "companies" }), /"object" and "record_id" go together/);
  });
});

describe("comments_create", () => {
  it("starts a thread on a record, authored by the signed-in member (one /v2/self lookup)", async () => {
    const called = await call("comments_create", { object: "companies", record_id: ACME, content: "Terms checked." });
    expect(called.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v2/self", "POST /v2/comments"]);
    expect(called.requests[1]!.body).toEqual({
      data: {
        format: "plaintext",
        content: "Terms checked.",
        author: { type: "workspace-member", id: ADA.id },
        record: { object: "companies", record_id: ACME },
      },
    });
    expect(called.out).toMatchObject({
      written: ["content"],
      comment: { author: ADA.id, content: "Terms checked.", thread_id: expect.any(String) },
    });
  });

  it("takes the signed-in member from the grant when it is known: one request, no /v2/self", async () => {
    const called = await call(
      "comments_create",
      { object: "companies", record_id: ACME, content: "Noted." },
      { ...context(), memberId: MAX.id },
    );
    expect(only(called).body).toMatchObject({ data: { author: { type: "workspace-member", id: MAX.id } } });
  });

  it("replies in a thread as the signed-in member", async () => {
    const called = await call(
      "comments_create",
      { thread_id: IDS.threads.acme, content: "Done." },
      { ...context(), memberId: MAX.id },
    );
    expect(only(called).body).toEqual({
      data: {
        format: "plaintext",
        content: "Done.",
        author: { type: "workspace-member", id: MAX.id },
        thread_id: IDS.threads.acme,
      },
    });
    expect(called.out.comment.thread_id).toBe(IDS.threads.acme);
  });

  it("never writes as another member: an author argument is refused before Attio is called", async () => {
    const called = await call(
      "comments_create",
      { object: "companies", record_id: ACME, content: "Approved by Max.", author: MAX.id },
      { ...context(), memberId: ADA.id },
    );
    expectError(called, /unknown argument "author"/);
    expect(called.requests).toEqual([]);
  });

  it("passes Attio's error for an unknown thread", async () => {
    expectError(
      await call("comments_create", {
        thread_id: "70000000-0000-4000-8000-0000000000ff",
        content: "x",
      }),
      /value_not_found/,
      /Thread could not be found/,
    );
  });

  it("refuses two targets at once", async () => {
    expectError(
      await call("comments_create", {
        thread_id: IDS.threads.acme,
        object: "companies",
        record_id: ACME,
        content: "x",
      }),
      /exactly one of "thread_id"/,
    );
  });
});

describe("comments_delete", () => {
  it("deletes one comment", async () => {
    const called = await call("comments_delete", { comment_id: IDS.comments.acme_reply });
    expect(only(called)).toMatchObject({ method: "DELETE", path: `/v2/comments/${IDS.comments.acme_reply}` });
    expect(called.out).toEqual({ deleted: true, id: IDS.comments.acme_reply, kind: "comment" });
  });

  it("passes Attio's 404", async () => {
    expectError(await call("comments_delete", { comment_id: "c3000000-0000-4000-8000-0000000000ff" }), /404/);
  });

  it("needs the id", async () => {
    expectError(await call("comments_delete", {}), /"comment_id"/);
  });
});
