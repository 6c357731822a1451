// Builds the seeded workspaces from scratch; called at start-up and on /__sandbox/reset.
import { plainToMarkdown } from "./markdown";
import { buildList, buildObjects } from "./schema";
import { IDS, IDS_OTHER, MEMBER_OTHER, MEMBERS, SEED_TIME, WORKSPACE, WORKSPACE_OTHER } from "./seed";
import { seedEmails } from "./seed-emails";
import { seedMeetings, seedNotes, seedThreads, seedTasks } from "./seed-activity";
import { COMPANIES, DEALS, ENTRIES, PEOPLE, PROJECTS, TEAMS, type SeedRecord } from "./seed-records";
import { createEntry, createRecord, updateRecord } from "./store";
import type { MemberRow, Workspace } from "./types";
import { attioTime } from "./util";
import type { WriteCtx } from "./values";

function emptyWorkspace(
  info: { id: string; slug: string; name: string },
  members: readonly Omit<MemberRow, "avatar_url" | "created_at">[],
  custom: boolean,
): Workspace {
  // The main workspace is on Enterprise with email access; the other shows both gates.
  return {
    info: { ...info, logo_url: null, plan: custom ? "enterprise" : "pro", emails_enabled: custom },
    members: members.map((m) => ({ ...m, avatar_url: null, created_at: SEED_TIME })),
    objects: buildObjects(info.slug, { custom }),
    records: new Map(),
    lists: [],
    entries: new Map(),
    notes: new Map(),
    tasks: new Map(),
    threads: new Map(),
    comments: new Map(),
    meetings: new Map(),
    recordings: new Map(),
    emails: [],
    merging: new Map(),
    mergeTimes: [],
  };
}

/** Seed rows get increasing created_at (one minute apart) so default ordering is stable. */
function seedCtx(ws: Workspace): () => WriteCtx {
  let minute = 0;
  const actor = { type: "workspace-member" as const, id: ws.members[0]!.id };
  return () => ({ ws, actor, now: attioTime(new Date(Date.parse("2024-01-15T10:00:00Z") + minute++ * 60_000)) });
}

function insertAll(ws: Workspace, ctx: () => WriteCtx, slug: string, rows: SeedRecord[]): void {
  const obj = ws.objects.find((o) => o.api_slug === slug)!;
  for (const r of rows) createRecord(ctx(), obj, r.values, { id: r.id, system: true });
}

function buildMain(): Workspace {
  const ws = emptyWorkspace(WORKSPACE, MEMBERS, true);
  const ctx = seedCtx(ws);
  insertAll(ws, ctx, "companies", COMPANIES);
  insertAll(ws, ctx, "people", PEOPLE);
  const companies = ws.objects.find((o) => o.api_slug === "companies")!;
  for (const [companyId, team] of TEAMS)
    updateRecord(ctx(), companies, ws.records.get(companyId)!, { team }, "append", { system: true });
  insertAll(ws, ctx, "deals", DEALS);
  insertAll(ws, ctx, "projects", PROJECTS);
  const list = buildList(WORKSPACE.slug, IDS.lists.sales_pipeline, MEMBERS[0].id);
  ws.lists.push(list);
  for (const e of ENTRIES)
    createEntry(ctx(), list, { object: "companies", record_id: e.parent }, e.values, { id: e.id, system: true });
  seedNotes(ws, plainToMarkdown);
  seedTasks(ws);
  seedThreads(ws);
  seedMeetings(ws);
  ws.emails = seedEmails();
  return ws;
}

function buildOther(): Workspace {
  const ws = emptyWorkspace(WORKSPACE_OTHER, [MEMBER_OTHER], false);
  const ctx = seedCtx(ws);
  insertAll(ws, ctx, "companies", [
    {
      id: IDS_OTHER.companies.wayne,
      values: { name: "Wayne Enterprises", domains: "wayne.example", categories: ["Enterprise"] },
    },
    {
      id: IDS_OTHER.companies.stark,
      values: { name: "Stark Industries", domains: "stark.example", categories: ["Manufacturing"] },
    },
  ]);
  insertAll(ws, ctx, "people", [
    {
      id: IDS_OTHER.people.pepper,
      values: {
        name: "Potts, Pepper",
        email_addresses: "pepper@stark.example",
        job_title: "CEO",
        company: IDS_OTHER.companies.stark,
      },
    },
  ]);
  return ws;
}

export function buildWorkspaces(): Map<string, Workspace> {
  const main = buildMain();
  const other = buildOther();
  return new Map([
    [main.info.id, main],
    [other.info.id, other],
  ]);
}
