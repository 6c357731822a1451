// Tasks: list with filters, create (deadline, assignees, linked records), update, delete.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { defined, shortTime } from "./format";
import { type Names, namesFor, type Wanted } from "./references";
import { offsetPage } from "./paging";
import {
  ACTOR_SCHEMA,
  DELETED_SCHEMA,
  RECORD_REF_SCHEMA,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  idArg,
  limitArg,
  pageSchema,
  writeSchema,
} from "./schemas";
import { DESTRUCTIVE, OVERWRITE, READ_ONLY, WRITE, ToolInputError, type Tool } from "./tool";

type AttioTask = components["schemas"]["task"];

/** What a task points at, for one bulk name lookup (references.ts). */
function wantTask(wanted: Wanted, task: AttioTask): void {
  for (const link of task.linked_records) wanted.record(link.target_object_id, link.target_record_id);
  if (task.assignees.length > 0) wanted.actors = true;
}

function compactTask(task: AttioTask, names: Names) {
  return defined({
    id: task.id.task_id,
    content: task.content_plaintext,
    deadline: task.deadline_at ? shortTime(task.deadline_at) : null,
    is_completed: task.is_completed,
    assignees: task.assignees.map((assignee) =>
      names.actor(assignee.referenced_actor_type, assignee.referenced_actor_id),
    ),
    // Attio names the object by id here; names.record says its slug.
    linked_records: task.linked_records.map((link) => names.record(link.target_object_id, link.target_record_id)),
    created_at: shortTime(task.created_at),
  });
}

const TASK_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    content: { type: "string" },
    deadline: { type: "string" },
    is_completed: { type: "boolean" },
    assignees: { type: "array", items: ACTOR_SCHEMA },
    linked_records: { type: "array", items: RECORD_REF_SCHEMA },
    created_at: { type: "string" },
  },
  required: ["id", "content", "is_completed", "assignees", "linked_records"],
};

const ASSIGNEES_ARG = {
  type: "array",
  items: { type: "string", minLength: 1 },
  description: "Workspace members by id or email address (see members_list).",
};

const LINKED_ARG = {
  type: "array",
  items: {
    type: "object",
    properties: { object: OBJECT_ARG, id: RECORD_ID_ARG },
    required: ["object", "id"],
    additionalProperties: false,
  },
  description: 'Records the task is about, e.g. [{"object":"companies","id":"<record id>"}].',
};

const DEADLINE_ARG = {
  type: ["string", "null"],
  pattern: "^\\d{4}-\\d{2}-\\d{2}(T.+)?$",
  description: "ISO 8601 date-time, e.g. 2025-03-01T17:00:00Z (a bare date means midnight UTC); null for none.",
};

type Assignee =
  | { referenced_actor_type: "workspace-member"; referenced_actor_id: string }
  | { workspace_member_email_address: string };

/** Attio takes a member as {referenced_actor_type,referenced_actor_id} or by email address. */
function toAssignees(members: readonly string[]): Assignee[] {
  return members.map((member) =>
    member.includes("@")
      ? { workspace_member_email_address: member }
      : { referenced_actor_type: "workspace-member", referenced_actor_id: member },
  );
}

function toLinks(links: readonly { object: string; id: string }[]) {
  return links.map((link) => ({ target_object: link.object, target_record_id: link.id }));
}

/** Attio wants a date-time; a bare date is taken as midnight UTC rather than rejected. */
function toDeadline(deadline: string | null | undefined): string | null {
  if (deadline === undefined || deadline === null) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T00:00:00Z` : deadline;
}

interface ListArgs {
  object?: string;
  record_id?: string;
  assignee?: string;
  is_completed?: boolean;
  sort?: "created_at:asc" | "created_at:desc";
  limit?: number;
  offset?: number;
}

const tasksList: Tool<ListArgs> = {
  name: "tasks_list",
  title: "List tasks",
  description:
    "Lists tasks, optionally only those linked to one record (object and record_id, always together), assigned to one member " +
    "(id or email), or open/completed; oldest first unless sort is created_at:desc. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","is_completed":false,"assignee":"ann@example.com"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: { ...OBJECT_ARG, description: "With record_id: only tasks linked to that record (its object)." },
      record_id: RECORD_ID_ARG,
      assignee: { type: "string", minLength: 1, description: "Workspace member id or email address." },
      is_completed: { type: "boolean" },
      sort: { type: "string", enum: ["created_at:asc", "created_at:desc"] },
      limit: limitArg(25, 500),
      offset: OFFSET_ARG,
    },
    // Attio filters on a linked record only with both halves (GET /v2/tasks linked_object, linked_record_id).
    dependentRequired: { record_id: ["object"], object: ["record_id"] },
    additionalProperties: false,
  },
  outputSchema: pageSchema("tasks", TASK_SCHEMA),
  async run(ctx, args) {
    const limit = args.limit ?? 25;
    const offset = args.offset ?? 0;
    const query = {
      limit,
      offset,
      ...(args.sort ? { sort: args.sort } : {}),
      ...(args.object ? { linked_object: args.object } : {}),
      ...(args.record_id ? { linked_record_id: args.record_id } : {}),
      ...(args.assignee ? { assignee: args.assignee } : {}),
      ...(args.is_completed !== undefined ? { is_completed: args.is_completed } : {}),
    };
    const listed = await unwrap(ctx.attio.GET("/v2/tasks", { params: { query } }));
    const names = await namesFor(ctx, listed.data, wantTask);
    const tasks = listed.data.map((task) => compactTask(task, names));
    return { structured: offsetPage("tasks", tasks, offset, limit) };
  },
};

interface CreateArgs {
  content: string;
  deadline?: string | null;
  assignees?: string[];
  linked_records?: { object: string; id: string }[];
  is_completed?: boolean;
}

const tasksCreate: Tool<CreateArgs> = {
  name: "tasks_create",
  title: "Create a task",
  description:
    "Creates a task (plain text, up to 2000 characters) with an optional deadline, assignees (member id or email) " +
    "and linked records. " +
    'Example: {"content":"Send the renewal quote","deadline":"2025-03-01T17:00:00Z","assignees":["ann@example.com"],"linked_records":[{"object":"companies","id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}]}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      content: { type: "string", minLength: 1, maxLength: 2000, description: "What needs doing (plain text)." },
      deadline: DEADLINE_ARG,
      assignees: ASSIGNEES_ARG,
      linked_records: LINKED_ARG,
      is_completed: { type: "boolean", description: "Default false." },
    },
    required: ["content"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("task", TASK_SCHEMA),
  async run(ctx, args) {
    // Attio requires all six fields on create (attio-openapi.json, POST /v2/tasks request body).
    const created = await unwrap(
      ctx.attio.POST("/v2/tasks", {
        body: {
          data: {
            content: args.content,
            format: "plaintext",
            deadline_at: toDeadline(args.deadline),
            is_completed: args.is_completed ?? false,
            linked_records: toLinks(args.linked_records ?? []),
            assignees: toAssignees(args.assignees ?? []),
          },
        },
      }),
    );
    const written = [
      "content",
      ...["deadline", "assignees", "linked_records", "is_completed"].filter((key) => key in args),
    ];
    const names = await namesFor(ctx, [created.data], wantTask);
    return { structured: { task: compactTask(created.data, names), written } };
  },
};

interface UpdateArgs {
  task_id: string;
  deadline?: string | null;
  is_completed?: boolean;
  assignees?: string[];
  linked_records?: { object: string; id: string }[];
}

const tasksUpdate: Tool<UpdateArgs> = {
  name: "tasks_update",
  title: "Update a task",
  description:
    "Completes or reopens a task, or changes its deadline, assignees or linked records (each given list replaces " +
    "the old one). Attio does not allow editing a task's text. " +
    'Example: {"task_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","is_completed":true}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      task_id: idArg("task's"),
      deadline: DEADLINE_ARG,
      is_completed: { type: "boolean" },
      assignees: ASSIGNEES_ARG,
      linked_records: LINKED_ARG,
    },
    required: ["task_id"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("task", TASK_SCHEMA),
  async run(ctx, args) {
    const data = {
      ...("deadline" in args ? { deadline_at: toDeadline(args.deadline) } : {}),
      ...(args.is_completed !== undefined ? { is_completed: args.is_completed } : {}),
      ...(args.assignees ? { assignees: toAssignees(args.assignees) } : {}),
      ...(args.linked_records ? { linked_records: toLinks(args.linked_records) } : {}),
    };
    const written = Object.keys(args).filter((key) => key !== "task_id");
    if (written.length === 0)
      throw new ToolInputError(
        'nothing to change: give at least one of "is_completed", "deadline", "assignees", "linked_records"',
      );
    const updated = await unwrap(
      ctx.attio.PATCH("/v2/tasks/{task_id}", { params: { path: { task_id: args.task_id } }, body: { data } }),
    );
    const names = await namesFor(ctx, [updated.data], wantTask);
    return { structured: { task: compactTask(updated.data, names), written } };
  },
};

const tasksDelete: Tool<{ task_id: string }> = {
  name: "tasks_delete",
  title: "Delete a task",
  description:
    "Permanently deletes one task by id; to mark it done use tasks_update with is_completed:true instead. " +
    'Example: {"task_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { task_id: idArg("task's") },
    required: ["task_id"],
    additionalProperties: false,
  },
  outputSchema: DELETED_SCHEMA,
  async run(ctx, args) {
    await unwrap(ctx.attio.DELETE("/v2/tasks/{task_id}", { params: { path: { task_id: args.task_id } } }));
    return { structured: { deleted: true, id: args.task_id, kind: "task" } };
  },
};

export const taskTools: Tool[] = [tasksList, tasksCreate, tasksUpdate, tasksDelete];
