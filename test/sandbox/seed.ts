// Fixed identities of the local Attio sandbox. Pure data, no Node imports: tests running inside
// workerd import this module to know which tokens, members and record ids the sandbox serves.

/** Workspace API key for the main workspace. */
export const SANDBOX_TOKEN = "sandbox-token";
/** Workspace API key for a second, smaller workspace with different data. */
export const SANDBOX_TOKEN_OTHER = "sandbox-token-other";
/** The one OAuth client the sandbox's /authorize and /oauth/token accept. */
export const SANDBOX_CLIENT_ID = "sandbox-client-id";
export const SANDBOX_CLIENT_SECRET = "sandbox-client-secret";

/** Seed timestamps are fixed so responses are byte-stable across runs. */
export const SEED_TIME = "2024-01-15T10:00:00.000000000Z";

export const WORKSPACE = {
  id: "a7710000-0000-4000-8000-000000000001",
  slug: "sandbox-co",
  name: "Sandbox Co",
} as const;

export const WORKSPACE_OTHER = {
  id: "a7710000-0000-4000-8000-000000000002",
  slug: "other-labs",
  name: "Other Labs",
} as const;

export const MEMBERS = [
  {
    id: "3e3b0000-0000-4000-8000-000000000001",
    first_name: "Ada",
    last_name: "Admin",
    email_address: "ada@sandbox.example",
    access_level: "admin",
  },
  {
    id: "3e3b0000-0000-4000-8000-000000000002",
    first_name: "Max",
    last_name: "Member",
    email_address: "max@sandbox.example",
    access_level: "member",
  },
] as const;

export const MEMBER_OTHER = {
  id: "3e3b0000-0000-4000-8000-0000000000f1",
  first_name: "Olga",
  last_name: "Other",
  email_address: "olga@other.example",
  access_level: "admin",
} as const;

/** `uuid("c0", 3)` → "c0000000-0000-4000-8000-000000000003": readable, valid v4-shaped ids. */
export function seedUuid(prefix: string, n: number): string {
  const head = `${prefix}00000000`.slice(0, 8);
  return `${head}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Number of generated filler companies ("Company 06" … ) after the named ones. */
export const FILLER_COMPANY_COUNT = 27;

export const IDS = {
  companies: {
    acme: seedUuid("c0", 1),
    globex: seedUuid("c0", 2),
    initech: seedUuid("c0", 3),
    umbrella: seedUuid("c0", 4),
    hooli: seedUuid("c0", 5),
  },
  people: {
    ann: seedUuid("b0", 1),
    bob: seedUuid("b0", 2),
    carla: seedUuid("b0", 3),
    dan: seedUuid("b0", 4),
    eve: seedUuid("b0", 5),
  },
  deals: {
    acme_renewal: seedUuid("d0", 1),
    globex_pilot: seedUuid("d0", 2),
    initech_upsell: seedUuid("d0", 3),
  },
  projects: {
    rollout: seedUuid("90", 1),
    migration: seedUuid("90", 2),
  },
  lists: {
    sales_pipeline: seedUuid("11", 1),
  },
  entries: {
    acme: seedUuid("e0", 1),
    globex: seedUuid("e0", 2),
    initech: seedUuid("e0", 3),
  },
  notes: {
    acme_kickoff: seedUuid("a0", 1),
    ann_intro: seedUuid("a0", 2),
    globex_markdown: seedUuid("a0", 3),
  },
  tasks: {
    follow_up_acme: seedUuid("7a", 1),
    send_contract: seedUuid("7a", 2),
    done_demo: seedUuid("7a", 3),
  },
  threads: {
    acme: seedUuid("70", 1),
  },
  comments: {
    acme_first: seedUuid("c3", 1),
    acme_reply: seedUuid("c3", 2),
  },
  meetings: {
    acme_kickoff: seedUuid("3e", 1),
    globex_review: seedUuid("3e", 2),
  },
  call_recordings: {
    acme_kickoff: seedUuid("ca", 1),
  },
} as const;

/** Second workspace: a handful of records, no overlap with the main workspace's ids. */
export const IDS_OTHER = {
  companies: {
    wayne: seedUuid("c1", 1),
    stark: seedUuid("c1", 2),
  },
  people: {
    pepper: seedUuid("b1", 1),
  },
} as const;
