// GET /v2/emails: metadata only, filtered by linked records, participants or a domain (OR-ed),
// newest first, cursor-paged where each request scans a bounded number of emails, so a page
// can be short, even empty, while next_cursor says more exist (attio-openapi.json, "List emails").
import { type Handler, requireScopes } from "./context";
import { AttioError, badRequest } from "./errors";
import { currentValues, findObject, recordsOf } from "./model";
import type { EmailRow, RecordRow, Workspace } from "./types";
import { decodeCursor, encodeCursor, intParam } from "./util";

/** Emails examined per request; small so the seed shows short pages. */
const EMAILS_SCANNED_PER_REQUEST = 4;

const list = (raw: string | null): string[] =>
  (raw ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1);

function addressesOf(rec: RecordRow): string[] {
  return currentValues(rec.values, "email_addresses").map((v) => String(v.email_address).toLowerCase());
}
function domainsOf(rec: RecordRow): string[] {
  return currentValues(rec.values, "domains").map((v) => String(v.domain).toLowerCase());
}

/** People match a participant's address, companies a participant's domain; derived at request time. */
function linkedRecords(ws: Workspace, email: EmailRow) {
  const external = email.participants.filter((p) => !isOwn(ws, p.email_address));
  const out: { object_slug: string; object_id: string; record_id: string }[] = [];
  for (const slug of ["people", "companies"]) {
    const obj = findObject(ws, slug);
    if (!obj) continue;
    for (const rec of recordsOf(ws, obj)) {
      const hit =
        slug === "people"
          ? addressesOf(rec).some((a) => external.some((p) => p.email_address === a))
          : domainsOf(rec).some((d) => external.some((p) => domainOf(p.email_address) === d));
      if (hit) out.push({ object_slug: slug, object_id: obj.id, record_id: rec.id });
    }
  }
  return out;
}

/** Filters that identify the workspace itself (members' addresses and domains) are ignored. */
function isOwn(ws: Workspace, address: string): boolean {
  const a = address.toLowerCase();
  return ws.members.some((m) => m.email_address.toLowerCase() === a || domainOf(m.email_address) === domainOf(a));
}

const AUTOMATED = /^(no-?reply|notifications?|mailer-daemon|bounce)@/i;

export const listEmails: Handler = (ctx) => {
  const { ws, query } = ctx;
  requireScopes(ctx, "email:read", "record_permission:read", "object_configuration:read");
  if (!ws.info.emails_enabled)
    throw new AttioError(
      403,
      "auth_error",
      "unauthorized",
      "The emails API is in alpha and is not enabled for this workspace and app. Contact support@attio.com to request access.",
    );
  const limit = intParam(query, "limit", 25, 50) || 25;
  const objectParam = query.get("linked_object");
  const recordIds = list(query.get("linked_record_ids"));
  if (!!objectParam !== recordIds.length > 0)
    throw badRequest("validation_type", "linked_object and linked_record_ids must be supplied together.");
  const participants = list(query.get("participants"));
  const domain = query.get("domain")?.trim().toLowerCase() || undefined;
  if (recordIds.length > 10 || participants.length > 10)
    throw badRequest("validation_type", "linked_record_ids and participants take at most 10 values each.");
  if (!objectParam && participants.length === 0 && !domain)
    throw badRequest(
      "validation_type",
      "At least one of linked_object with linked_record_ids, participants, or domain must be supplied.",
    );
  let linkedSlug: string | undefined;
  if (objectParam) {
    const obj = findObject(ws, objectParam);
    if (!obj || (obj.api_slug !== "people" && obj.api_slug !== "companies"))
      throw badRequest("validation_type", "linked_object must be the people or companies object.");
    linkedSlug = obj.api_slug;
  }
  const after = query.get("sent_after");
  const before = query.get("sent_before");
  const humansOnly = query.get("exclude_automated_participants") === "true";
  const wantedParticipants = participants.filter((p) => !isOwn(ws, p));
  const wantedDomain = domain && !isOwn(ws, `x@${domain}`) ? domain : undefined;

  const matches = (email: EmailRow): boolean => {
    if (after && Date.parse(email.sent_at) <= Date.parse(after)) return false;
    if (before && Date.parse(email.sent_at) >= Date.parse(before)) return false;
    const external = email.participants.filter((p) => !isOwn(ws, p.email_address));
    if (humansOnly && external.every((p) => AUTOMATED.test(p.email_address))) return false;
    const byParticipant = external.some((p) => wantedParticipants.includes(p.email_address));
    const byDomain = !!wantedDomain && external.some((p) => domainOf(p.email_address) === wantedDomain);
    const byRecord =
      !!linkedSlug &&
      linkedRecords(ws, email).some((l) => l.object_slug === linkedSlug && recordIds.includes(l.record_id));
    return byParticipant || byDomain || byRecord;
  };

  const start = decodeCursor(query.get("cursor"));
  const data: unknown[] = [];
  let next = start;
  while (next < ws.emails.length && next - start < EMAILS_SCANNED_PER_REQUEST && data.length < limit) {
    const email = ws.emails[next++]!;
    if (matches(email)) data.push(renderEmail(ws, email));
  }
  return { data, pagination: { next_cursor: next < ws.emails.length ? encodeCursor(next) : null } };
};

function renderEmail(ws: Workspace, email: EmailRow) {
  return {
    id: { workspace_id: ws.info.id, mailbox_id: email.mailbox_id, email_id: email.id },
    sent_at: email.sent_at,
    direction: email.direction,
    subject_line: email.subject_line,
    participants: email.participants.map((p) => ({ ...p, email_domain: domainOf(p.email_address) })),
    linked_records: linkedRecords(ws, email),
  };
}
