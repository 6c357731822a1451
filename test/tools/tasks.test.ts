// Tasks: filtered listing, create with deadline/assignees/links, update incl. complete, delete.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, expectError, fail500, fresh, only, first, named } from "./harness";

beforeEach(fresh);

const [ADA, MAX] = MEMBERS;

describe("tasks_list", () => {
  it("passes the filters as Attio query parameters", async () => {
    const called = await call("tasks_list", {
      object: "companies",
      record_id: IDS.companies.globex,
      assignee: MAX.email_address,
      is_completed: false,
      sort: "created_at:desc",
    });
    expect(first(called)).toMatchObject({
      method: "GET",
      path: "/v2/tasks",
      query: {
        limit: "25",
        offset: "0",
        sort: "created_at:desc",
        linked_object: "companies",
        linked_record_id: IDS.companies.globex,
        assignee: MAX.email_address,
        is_completed: "false",
      },
    });
    expect(called.out.tasks).toEqual([
      {
        id: IDS.tasks.send_contract,
        content: "Send the pilot contract to Globex",
        deadline: "2024-03-05T12:00:00Z",
        is_completed: false,
        assignees: [named(MAX)],
        // Attio names the object by id here; the result says its slug, and each record's name.
        linked_records: [
          { object: "companies", id: IDS.companies.globex, name: "Globex Corporation" },
          { object: "deals", id: IDS.deals.globex_pilot, name: "Globex pilot" },
        ],
        created_at: expect.any(String),
      },
    ]);
  });

  it("pages by offset", async () => {
    const called = await call("tasks_list", { limit: 2 });
    expect(called.out).toMatchObject({ count: 2, next_offset: 2 });
    expect((await call("tasks_list", { limit: 2, offset: 2 })).out.next_offset).toBeUndefined();
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("tasks_list", {}), /internal error/);
  });

  it("needs object with record_id", async () => {
    expectError(await call("tasks_list", { record_id: IDS.companies.acme }), /object/);
  });

  // Attio: "If provided, `linked_record_id` must also be provided" (GET /v2/tasks linked_object).
  it("needs record_id with object, and says so before calling Attio", async () => {
    const called = await call("tasks_list", { object: "companies" });
    expectError(called, /"object" also needs "record_id"/);
    expect(called.requests).toHaveLength(0);
  });
});

describe("tasks_create", () => {
  it("fills Attio's required fields and maps assignees and links", async () => {
    const args = {
      content: "Call Ann",
      deadline: "2025-03-01",
      assignees: [ADA.id, MAX.email_address],
      linked_records: [{ object: "people", id: IDS.people.ann }],
    };
    const called = await call("tasks_create", args);
    const request = first(called);
    expect(request).toMatchObject({ method: "POST", path: "/v2/tasks" });
    expect(request.body).toEqual({
      data: {
        content: "Call Ann",
        format: "plaintext",
        deadline_at: "2025-03-01T00:00:00Z",
        is_completed: false,
        linked_records: [{ target_object: "people", target_record_id: IDS.people.ann }],
        assignees: [
          { referenced_actor_type: "workspace-member", referenced_actor_id: ADA.id },
          { workspace_member_email_address: MAX.email_address },
        ],
      },
    });
    expect(called.out.task).toMatchObject({
      content: "Call Ann",
      is_completed: false,
      assignees: [named(ADA), named(MAX)],
      linked_records: [{ object: "people", id: IDS.people.ann, name: "Ann Lee" }],
    });
    expect(called.out.task.deadline).toMatch(/^2025-03-01T00:00:00/);
    expect(called.out.written).toEqual(["content", "deadline", "assignees", "linked_records"]);
  });

  it("passes Attio's error for an unknown assignee", async () => {
    expectError(
      await call("tasks_create", { content: "x", assignees: ["nobody@nowhere.example"] }),
      /nobody@nowhere.example/,
    );
  });

  it("names a bad deadline", async () => {
    expectError(await call("tasks_create", { content: "x", deadline: "tomorrow" }), /"deadline"/);
  });
});

describe("tasks_update", () => {
  it("completes a task with one PATCH", async () => {
    const called = await call("tasks_update", { task_id: IDS.tasks.follow_up_acme, is_completed: true });
    expect(first(called)).toMatchObject({
      method: "PATCH",
      path: `/v2/tasks/${IDS.tasks.follow_up_acme}`,
      body: { data: { is_completed: true } },
    });
    expect(called.out).toMatchObject({
      written: ["is_completed"],
      task: { id: IDS.tasks.follow_up_acme, is_completed: true },
    });
  });

  it("clears a deadline with null", async () => {
    const called = await call("tasks_update", { task_id: IDS.tasks.follow_up_acme, deadline: null });
    expect(first(called).body).toEqual({ data: { deadline_at: null } });
    expect(called.out.task.deadline).toBeUndefined();
  });

  it("passes Attio's 404", async () => {
    expectError(
      await call("tasks_update", { task_id: "7a000000-0000-4000-8000-0000000000ff", is_completed: true }),
      /404/,
    );
  });

  it("says when there is nothing to change", async () => {
    const called = await call("tasks_update", { task_id: IDS.tasks.follow_up_acme });
    expectError(called, /nothing to change/, /"is_completed"/);
    expect(called.requests).toHaveLength(0);
  });
});

describe("tasks_delete", () => {
  it("deletes one task", async () => {
    const called = await call("tasks_delete", { task_id: IDS.tasks.done_demo });
    expect(only(called)).toMatchObject({ method: "DELETE", path: `/v2/tasks/${IDS.tasks.done_demo}` });
    expect(called.out).toEqual({ deleted: true, id: IDS.tasks.done_demo, kind: "task" });
  });

  it("passes Attio's 404", async () => {
    expectError(await call("tasks_delete", { task_id: "7a000000-0000-4000-8000-0000000000ff" }), /404/);
  });

  it("needs the id", async () => {
    expectError(await call("tasks_delete", { task_id: 3 }), /"task_id"/);
  });
});
