// Comment threads on records and list entries: read them, comment (new thread or reply), delete.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { actor, defined, shortTime } from "./format";
import { type Names, namesFor } from "./references";
import { offsetPage } from "./paging";
import {
  ACTOR_SCHEMA,
  DELETED_SCHEMA,
  LIST_ARG,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  idArg,
  limitArg,
  pageSchema,
  writeSchema,
} from "./schemas";
import { DESTRUCTIVE, READ_ONLY, WRITE, ToolInputError, type Tool, type ToolContext } from "./tool";

type AttioComment = components["schemas"]["comment"];
type AttioThread = components["schemas"]["thread"];

function compactComment(comment: AttioComment, names: Names) {
  return defined({
    id: comment.id.comment_id,
    author: actor(comment.author, names),
    content: comment.content_plaintext,
    created_at: shortTime(comment.created_at),
    resolved_at: comment.resolved_at ? shortTime(comment.resolved_at) : null,
  });
}

function compactThread(thread: AttioThread, names: Names) {
  return {
    id: thread.id.thread_id,
    created_at: shortTime(thread.created_at),
    comments: thread.comments.map((comment) => compactComment(comment, names)),
  };
}

const COMMENT_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    author: ACTOR_SCHEMA,
    content: { type: "string" },
    created_at: { type: "string" },
    resolved_at: { type: "string" },
  },
  required: ["id", "content"],
};

const THREAD_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    created_at: { type: "string" },
    comments: { type: "array", items: COMMENT_SCHEMA },
  },
  required: ["id", "comments"],
};

/** Threads hang off exactly one record or one list entry (Attio's threads and comments API). */
const TARGET_ARGS = {
  object: { ...OBJECT_ARG, description: "With record_id: the record's object." },
  record_id: RECORD_ID_ARG,
  list: { ...LIST_ARG, description: "With entry_id: the entry's list." },
  entry_id: idArg("list entry's"),
};

interface Target {
  object?: string;
  record_id?: string;
  list?: string;
  entry_id?: string;
}

function checkTarget(args: Target, allowThread = false, thread?: string): "record" | "entry" | "thread" {
  const record = args.object !== undefined || args.record_id !== undefined;
  const entry = args.list !== undefined || args.entry_id !== undefined;
  const choices = [record, entry, thread !== undefined].filter(Boolean).length;
  const what = allowThread
    ? '"thread_id", "object"+"record_id" or "list"+"entry_id"'
    : '"object"+"record_id" or "list"+"entry_id"';
  if (choices !== 1) throw new ToolInputError(`give exactly one of ${what}`);
  if (record && (args.object === undefined || args.record_id === undefined))
    throw new ToolInputError('"object" and "record_id" go together: give both');
  if (entry && (args.list === undefined || args.entry_id === undefined))
    throw new ToolInputError('"list" and "entry_id" go together: give both');
  return record ? "record" : entry ? "entry" : "thread";
}

interface ListArgs extends Target {
  limit?: number;
  offset?: number;
}

const commentsList: Tool<ListArgs> = {
  name: "comments_list",
  title: "List comment threads",
  description:
    "Reads the comment threads (with every comment) on one record or one list entry: give object + record_id, " +
    "or list + entry_id. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { ...TARGET_ARGS, limit: limitArg(10, 50), offset: OFFSET_ARG },
    additionalProperties: false,
  },
  outputSchema: pageSchema("threads", THREAD_SCHEMA),
  async run(ctx, args) {
    checkTarget(args);
    // Attio: threads default to 10 per page, at most 50.
    const limit = args.limit ?? 10;
    const offset = args.offset ?? 0;
    const on = args.record_id
      ? { object: args.object, record_id: args.record_id }
      : { list: args.list, entry_id: args.entry_id };
    const listed = await unwrap(ctx.attio.GET("/v2/threads", { params: { query: { ...on, limit, offset } } }));
    // Authors are members: the directory (cached a minute) names them all.
    const names = await namesFor(ctx, listed.data, (wanted, thread) => {
      if (thread.comments.length > 0) wanted.actors = true;
    });
    const threads = listed.data.map((thread) => compactThread(thread, names));
    return { structured: offsetPage("threads", threads, offset, limit) };
  },
};

interface CreateArgs extends Target {
  content: string;
  thread_id?: string;
}

/**
 * Always the member who signed in (from the grant, else GET /v2/self): Attio accepts any
 * member as author, so taking it from the model would let a comment speak for someone else.
 */
async function signedInMember(ctx: ToolContext): Promise<string> {
  if (ctx.memberId) return ctx.memberId;
  const self = await unwrap(ctx.attio.GET("/v2/self"));
  const member = self.active ? self.authorized_by_workspace_member_id : null;
  if (!member) throw new ToolInputError("this connection has no workspace member to author comments: sign in again");
  return member;
}

const commentsCreate: Tool<CreateArgs> = {
  name: "comments_create",
  title: "Comment on a record or entry",
  description:
    "Posts a plain-text comment: a new thread on a record (object + record_id) or list entry (list + entry_id), " +
    "or a reply in an existing thread (thread_id from comments_list). The author is the signed-in member. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","content":"Renewal terms checked."}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      content: { type: "string", minLength: 1, description: "Comment text (plain text)." },
      thread_id: idArg("thread's (to reply)"),
      ...TARGET_ARGS,
    },
    required: ["content"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("comment", {
    ...COMMENT_SCHEMA,
    properties: { ...COMMENT_SCHEMA.properties, thread_id: { type: "string" } },
  }),
  async run(ctx, args) {
    const target = checkTarget(args, true, args.thread_id);
    const author = { type: "workspace-member" as const, id: await signedInMember(ctx) };
    const base = { format: "plaintext" as const, content: args.content, author };
    const data =
      target === "thread"
        ? { ...base, thread_id: args.thread_id as string }
        : target === "record"
          ? { ...base, record: { object: args.object as string, record_id: args.record_id as string } }
          : { ...base, entry: { list: args.list as string, entry_id: args.entry_id as string } };
    const created = await unwrap(ctx.attio.POST("/v2/comments", { body: { data } }));
    const names = await namesFor(ctx, [created.data], (wanted) => {
      wanted.actors = true;
    });
    return {
      structured: {
        comment: { ...compactComment(created.data, names), thread_id: created.data.thread_id },
        written: ["content"],
      },
    };
  },
};

const commentsDelete: Tool<{ comment_id: string }> = {
  name: "comments_delete",
  title: "Delete a comment",
  description:
    "Permanently deletes one comment by id (deleting a thread's first comment deletes the thread). " +
    'Example: {"comment_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { comment_id: idArg("comment's") },
    required: ["comment_id"],
    additionalProperties: false,
  },
  outputSchema: DELETED_SCHEMA,
  async run(ctx, args) {
    await unwrap(ctx.attio.DELETE("/v2/comments/{comment_id}", { params: { path: { comment_id: args.comment_id } } }));
    return { structured: { deleted: true, id: args.comment_id, kind: "comment" } };
  },
};

export const commentTools: Tool[] = [commentsList, commentsCreate, commentsDelete];
