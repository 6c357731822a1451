// emails_list on GET /v2/emails (Attio ALPHA, enabled per workspace on request): metadata only,
// by linked record, participant or domain, newest first. Attio scans a bounded number of emails
// per request, so a short page does not mean the end; this tool keeps reading, within a bound,
// until the page is full (attio-openapi.json "List emails").
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import type { components } from "../../generated/attio";
import { defined, shortTime } from "./format";
import { nameRecords } from "./record-names";
import { CURSOR_ARG, ID_ARG, limitArg, pageSchema } from "./schemas";
import { READ_ONLY, ToolFailure, ToolInputError, type Tool, type ToolContext } from "./tool";

type AttioEmail = components["schemas"]["email"];

/** Attio requests one call may spend filling a page. */
const MAX_REQUESTS = 4;

interface EmailsArgs {
  object?: "people" | "companies";
  record_ids?: string[];
  participants?: string[];
  domain?: string;
  after?: string;
  before?: string;
  exclude_automated?: boolean;
  /** Filled from the schema's default by the registry. */
  limit: number;
  cursor?: string;
}

const TIME_ARG = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}" };

const emailsList: Tool<EmailsArgs> = {
  name: "emails_list",
  title: "List emails",
  description:
    "Email metadata (date, subject, from/to, linked people and companies), newest first, for records, " +
    "participants or a domain (any match). Attio's API never returns email bodies. " +
    'Example: {"domain":"acme.com","after":"2025-01-01","limit":10}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: { type: "string", enum: ["people", "companies"] },
      record_ids: { type: "array", items: ID_ARG, minItems: 1, maxItems: 10 },
      participants: { type: "array", items: { type: "string", pattern: "@" }, minItems: 1, maxItems: 10 },
      domain: { type: "string", minLength: 3 },
      after: TIME_ARG,
      before: TIME_ARG,
      exclude_automated: { type: "boolean" },
      limit: limitArg(25, 50),
      cursor: CURSOR_ARG,
    },
    dependentRequired: { record_ids: ["object"], object: ["record_ids"] },
    additionalProperties: false,
  },
  outputSchema: pageSchema("emails", "cursor"),
  async run(ctx, args) {
    if (!args.record_ids && !args.participants && !args.domain)
      throw new ToolInputError("give record_ids (with object), participants or domain: Attio cannot list every email");
    const { limit } = args;
    const emails: AttioEmail[] = [];
    let cursor = args.cursor;
    for (let request = 0; request < MAX_REQUESTS && emails.length < limit; request++) {
      const page = await fetchPage(ctx, args, limit - emails.length, cursor);
      emails.push(...page.data);
      cursor = page.pagination.next_cursor ?? undefined;
      if (!cursor) break;
    }
    const links = emails.flatMap((e) => e.linked_records.map((l) => ({ object: l.object_slug, id: l.record_id })));
    const names = links.length > 0 ? await nameRecords(ctx, links) : new Map<string, string>();
    const out: Record<string, unknown> = { emails: emails.map((e) => compactEmail(e, names)), count: emails.length };
    if (cursor) {
      out.next_cursor = cursor;
      if (emails.length < limit)
        out.note = "More emails may exist (Attio scans a bounded number per request): call again with next_cursor.";
    }
    return { structured: out };
  },
};

async function fetchPage(ctx: ToolContext, args: EmailsArgs, limit: number, cursor: string | undefined) {
  const query = {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(args.object && args.record_ids
      ? { linked_object: args.object, linked_record_ids: args.record_ids.join(",") }
      : {}),
    ...(args.participants ? { participants: args.participants.join(",") } : {}),
    ...(args.domain ? { domain: args.domain } : {}),
    ...(args.after ? { sent_after: args.after } : {}),
    ...(args.before ? { sent_before: args.before } : {}),
    ...(args.exclude_automated ? { exclude_automated_participants: true } : {}),
  };
  try {
    return await unwrap(ctx.attio.GET("/v2/emails", { params: { query } }));
  } catch (error) {
    if (error instanceof AttioError && error.problem.kind === "http" && error.problem.status === 403)
      throw new ToolFailure(
        `Attio refused access to emails (${error.problem.message}). The emails API is in alpha and is enabled per ` +
          "workspace: a workspace admin can request it from support@attio.com. The Attio app also needs the " +
          "email:read scope.",
      );
    throw error;
  }
}

type Participant = AttioEmail["participants"][number];
const who = (p: Participant) => (p.name ? `${p.name} <${p.email_address}>` : p.email_address);

function compactEmail(email: AttioEmail, names: Map<string, string>) {
  const by = (role: Participant["role"]) => email.participants.filter((p) => p.role === role).map(who);
  const cc = by("cc");
  return defined({
    id: email.id.email_id,
    sent_at: shortTime(email.sent_at),
    direction: email.direction,
    subject: email.subject_line,
    from: by("from")[0],
    to: by("to"),
    cc: cc.length > 0 ? cc : undefined,
    linked_records: email.linked_records.map((l) =>
      defined({ object: l.object_slug, id: l.record_id, name: names.get(l.record_id) }),
    ),
  });
}

export const emailTools: Tool[] = [emailsList];
