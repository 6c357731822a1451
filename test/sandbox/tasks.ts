// Tasks: content, deadline, completion, linked records and assignees. Listing filters by linked
// record, assignee (member id or email) and completion; default limit 500, offset-paginated.
import { writeCtx, type Handler } from "./context";
import { badRequest, notFound } from "./errors";
import { findMember, findObject, requireObject } from "./model";
import type { TaskRow, Workspace } from "./types";
import { intParam, newId, normaliseTimestamp, page } from "./util";

function renderTask(ws: Workspace, t: TaskRow) {
  return {
    id: { workspace_id: ws.info.id, task_id: t.id },
    content_plaintext: t.content_plaintext,
    deadline_at: t.deadline_at,
    is_completed: t.is_completed,
    linked_records: t.linked_records,
    assignees: t.assignees,
    created_by_actor: t.created_by_actor,
    created_at: t.created_at,
  };
}

function requireTask(ws: Workspace, id: string): TaskRow {
  const t = ws.tasks.get(id);
  if (!t) throw notFound(`Could not find Task with ID "${id}".`);
  return t;
}

function deadline(raw: string | null): string | null {
  if (raw === null) return null;
  const ts = normaliseTimestamp(raw);
  if (!ts) throw badRequest("validation_type", `Invalid deadline_at "${raw}": expected an ISO 8601 timestamp.`);
  return ts;
}

type LinkInput = { target_object: string; target_record_id?: string };
function linkedRecords(ws: Workspace, links: LinkInput[]): TaskRow["linked_records"] {
  return links.map((l) => {
    const obj = requireObject(ws, l.target_object);
    const rec = l.target_record_id ? ws.records.get(l.target_record_id) : undefined;
    if (!rec || rec.object_id !== obj.id)
      throw notFound(`Record with ID "${l.target_record_id ?? ""}" not found in object "${l.target_object}".`);
    return { target_object_id: obj.id, target_record_id: rec.id };
  });
}

type AssigneeInput = { referenced_actor_id?: string; workspace_member_email_address?: string };
function assignees(ws: Workspace, list: AssigneeInput[]): TaskRow["assignees"] {
  return list.map((a) => {
    const key = a.referenced_actor_id ?? a.workspace_member_email_address ?? "";
    const m = findMember(ws, key);
    if (!m) throw badRequest("value_not_found", `Workspace member "${key}" not found.`);
    return { referenced_actor_type: "workspace-member", referenced_actor_id: m.id };
  });
}

export const listTasks: Handler = ({ ws, query }) => {
  const linkedObject = query.get("linked_object");
  const linkedRecord = query.get("linked_record_id");
  if ((linkedObject === null) !== (linkedRecord === null)) {
    throw badRequest("validation_type", "linked_object and linked_record_id must be provided together.");
  }
  const objId = linkedObject ? (findObject(ws, linkedObject)?.id ?? "") : undefined;
  const assignee = query.get("assignee");
  const memberId = assignee ? (findMember(ws, assignee)?.id ?? "") : undefined;
  const completed = query.get("is_completed");
  let tasks = [...ws.tasks.values()].filter(
    (t) =>
      (objId === undefined ||
        t.linked_records.some(
          (l) => l.target_object_id === objId && (!linkedRecord || l.target_record_id === linkedRecord),
        )) &&
      (!linkedRecord || t.linked_records.some((l) => l.target_record_id === linkedRecord)) &&
      (memberId === undefined || t.assignees.some((a) => a.referenced_actor_id === memberId)) &&
      (completed === null || t.is_completed === (completed === "true")),
  );
  const sort = query.get("sort");
  if (sort === "created_at:desc") tasks = tasks.reverse();
  else if (sort && sort !== "created_at:asc")
    throw badRequest("validation_type", `Invalid sort "${sort}". Valid values: created_at:asc, created_at:desc`);
  return {
    data: page(tasks, intParam(query, "limit", 500), intParam(query, "offset", 0)).map((t) => renderTask(ws, t)),
  };
};

export const createTask: Handler = (ctx) => {
  const d = ctx.body.data;
  const wc = writeCtx(ctx);
  const task: TaskRow = {
    id: newId(),
    content_plaintext: d.content,
    deadline_at: deadline(d.deadline_at),
    is_completed: d.is_completed,
    linked_records: linkedRecords(ctx.ws, d.linked_records),
    assignees: assignees(ctx.ws, d.assignees),
    created_by_actor: wc.actor,
    created_at: wc.now,
  };
  ctx.ws.tasks.set(task.id, task);
  return { data: renderTask(ctx.ws, task) };
};

export const getTask: Handler = ({ ws, params }) => ({ data: renderTask(ws, requireTask(ws, params.task_id!)) });

/** PATCH replaces each given field; validation happens before any field changes. */
export const patchTask: Handler = ({ ws, params, body }) => {
  const t = requireTask(ws, params.task_id!);
  const d = body.data;
  const next: Partial<TaskRow> = {};
  if ("deadline_at" in d) next.deadline_at = deadline(d.deadline_at);
  if ("is_completed" in d) next.is_completed = d.is_completed;
  if ("linked_records" in d) next.linked_records = linkedRecords(ws, d.linked_records);
  if ("assignees" in d) next.assignees = assignees(ws, d.assignees);
  Object.assign(t, next);
  return { data: renderTask(ws, t) };
};

export const deleteTask: Handler = ({ ws, params }) => {
  ws.tasks.delete(requireTask(ws, params.task_id!).id);
  return {};
};
