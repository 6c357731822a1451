// Comment threads on records and list entries: read them, comment (new thread or reply), delete.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { actor, defined, shortTime } from "./format";
import { type Names, namesFor } from "./references";
import { offsetPage } from "./paging";
import {
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
import { signedInMemberId } from "./member-directory";
import { DESTRUCTIVE, READ_ONLY, WRITE, ToolInputError, type Tool } from "./tool";

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

/** Threads hang off exactly one record or one list entry (Attio's threads and comments API). */
const TARGET_ARGS = { object: OBJECT_ARG, record_id: RECORD_ID_ARG, list: LIST_ARG, entry_id: idArg() };

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
  limit: number;
  offset: number;
}

const commentsList: Tool<ListArgs> = {
  name: "comments_list",
  title: "List comment threads",
  description:
    "Reads the comment threads, every comment included, on a record (object + record_id) or a list entry " +
    '(list + entry_id). Example: {"object":"companies","record_id":"<id>"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { ...TARGET_ARGS, limit: limitArg(10, 50), offset: OFFSET_ARG },
    additionalProperties: false,
  },
  outputSchema: pageSchema("threads"),
  async run(ctx, args) {
    checkTarget(args);
    const { limit, offset } = args;
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
 * The author is always the member who signed in (member-directory.ts signedInMemberId): Attio
 * accepts any member as author, so taking it from the model would let a comment speak for someone else.
 */

const commentsCreate: Tool<CreateArgs> = {
  name: "comments_create",
  title: "Comment on a record or entry",
  description:
    "Comments on a record (object + record_id) or entry (list + entry_id), or replies (thread_id), as the " +
    'signed-in member. Example: {"thread_id":"<id>","content":"Checked."}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      content: { type: "string", minLength: 1 },
      thread_id: idArg(),
      ...TARGET_ARGS,
    },
    required: ["content"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("comment"),
  async run(ctx, args) {
    const target = checkTarget(args, true, args.thread_id);
    const author = { type: "workspace-member" as const, id: await signedInMemberId(ctx) };
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
    "Permanently deletes one comment (a thread's first deletes the thread). " + 'Example: {"comment_id":"<id>"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { comment_id: idArg() },
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
