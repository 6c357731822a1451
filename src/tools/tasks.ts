// Tasks: list with filters, create (deadline, assignees, linked records), update, delete.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { defined, shortTime } from "./format";
import { type Names, namesFor, type Wanted } from "./references";
import { offsetPage } from "./paging";
import {
  DELETED_SCHEMA,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  idArg,
  limitArg,
  pageSchema,
  writeSchema,
} from "./schemas";
import { resolveMember } from "./member-directory";
import { DESTRUCTIVE, OVERWRITE, READ_ONLY, WRITE, ToolInputError, type Tool, type ToolContext } from "./tool";

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

const ASSIGNEES_ARG = { type: "array", items: { type: "string" }, description: '"me", emails, names or ids' };

const LINKED_ARG = { type: "array", items: { type: "object" }, description: '[{"object":"companies","id":"<id>"}]' };

const DEADLINE_ARG = { type: ["string", "null"], description: "ISO date or date-time; null: none" };

type Assignee =
  | { referenced_actor_type: "workspace-member"; referenced_actor_id: string }
  | { workspace_member_email_address: string };

/** Attio takes a member by id or email; "me" and names are resolved to ids first (member-directory.ts). */
function toAssignees(ctx: ToolContext, members: readonly string[]): Promise<Assignee[]> {
  return Promise.all(
    members.map(async (member): Promise<Assignee> => {
      const given = member.trim();
      if (given.includes("@")) return { workspace_member_email_address: given };
      return { referenced_actor_type: "workspace-member", referenced_actor_id: await resolveMember(ctx, given) };
    }),
  );
}

async function memberIdOrEmail(ctx: ToolContext, given: string): Promise<string> {
  const member = given.trim();
  return member.includes("@") ? member : resolveMember(ctx, member);
}

function toLinks(links: readonly { object: string; id: string }[]) {
  return links.map((link) => {
    if (typeof link.object !== "string" || typeof link.id !== "string")
      throw new ToolInputError('each of "linked_records" is {"object":"<slug>","id":"<record id>"}');
    return { target_object: link.object, target_record_id: link.id };
  });
}

/** Attio wants a date-time; a bare date is taken as midnight UTC rather than rejected. */
function toDeadline(deadline: string | null | undefined): string | null {
  if (deadline === undefined || deadline === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(deadline))
    throw new ToolInputError(
      `"deadline" must be an ISO date like 2025-03-01 or a date-time like 2025-03-01T17:00:00Z (got "${deadline}")`,
    );
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T00:00:00Z` : deadline;
}

interface ListArgs {
  object?: string;
  record_id?: string;
  assignee?: string;
  is_completed?: boolean;
  sort?: "created_at:asc" | "created_at:desc";
  limit: number;
  offset: number;
}

const tasksList: Tool<ListArgs> = {
  name: "tasks_list",
  title: "List tasks",
  description:
    "Lists tasks: one record's (object + record_id), one assignee's, open or done; oldest first. " +
    'Example: {"assignee":"me","is_completed":false}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      assignee: { type: "string", description: '"me", email, name or id' },
      is_completed: { type: "boolean" },
      sort: { type: "string", enum: ["created_at:asc", "created_at:desc"] },
      limit: limitArg(25, 500),
      offset: OFFSET_ARG,
    },
    // Attio filters on a linked record only with both halves (GET /v2/tasks linked_object, linked_record_id).
    dependentRequired: { record_id: ["object"], object: ["record_id"] },
    additionalProperties: false,
  },
  outputSchema: pageSchema("tasks"),
  async run(ctx, args) {
    const { limit, offset } = args;
    const query = {
      limit,
      offset,
      ...(args.sort ? { sort: args.sort } : {}),
      ...(args.object ? { linked_object: args.object } : {}),
      ...(args.record_id ? { linked_record_id: args.record_id } : {}),
      ...(args.assignee ? { assignee: await memberIdOrEmail(ctx, args.assignee) } : {}),
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
  is_completed: boolean;
}

const tasksCreate: Tool<CreateArgs> = {
  name: "tasks_create",
  title: "Create a task",
  description:
    "Creates a task with optional deadline, assignees and linked records. " +
    'Example: {"content":"Send the quote","deadline":"2025-03-01","assignees":["me"],' +
    '"linked_records":[{"object":"companies","id":"<id>"}]}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      content: { type: "string", minLength: 1, maxLength: 2000 },
      deadline: DEADLINE_ARG,
      assignees: ASSIGNEES_ARG,
      linked_records: LINKED_ARG,
      is_completed: { type: "boolean", default: false },
    },
    required: ["content"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("task"),
  async run(ctx, args) {
    // Attio requires all six fields on create (attio-openapi.json, POST /v2/tasks request body).
    const created = await unwrap(
      ctx.attio.POST("/v2/tasks", {
        body: {
          data: {
            content: args.content,
            format: "plaintext",
            deadline_at: toDeadline(args.deadline),
            is_completed: args.is_completed,
            linked_records: toLinks(args.linked_records ?? []),
            assignees: await toAssignees(ctx, args.assignees ?? []),
          },
        },
      }),
    );
    const written = [
      "content",
      ...(["deadline", "assignees", "linked_records"] as const).filter((key) => key in args),
      ...(args.is_completed ? ["is_completed"] : []),
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
    "Completes or reopens a task, or replaces its deadline, assignees or linked records (Attio cannot edit " +
    'its text). Example: {"task_id":"<id>","is_completed":true}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      task_id: idArg(),
      deadline: DEADLINE_ARG,
      is_completed: { type: "boolean" },
      assignees: ASSIGNEES_ARG,
      linked_records: LINKED_ARG,
    },
    required: ["task_id"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("task"),
  async run(ctx, args) {
    const data = {
      ...("deadline" in args ? { deadline_at: toDeadline(args.deadline) } : {}),
      ...(args.is_completed !== undefined ? { is_completed: args.is_completed } : {}),
      ...(args.assignees ? { assignees: await toAssignees(ctx, args.assignees) } : {}),
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
  description: "Permanently deletes a task; to mark it done use tasks_update instead. " + 'Example: {"task_id":"<id>"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { task_id: idArg() },
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
