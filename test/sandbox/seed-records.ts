// Seed records of the main workspace, in Attio's *write* format: the builder pushes them through
// the same value conversion as API writes, so seed data is exactly what a client could create.
import { FILLER_COMPANY_COUNT, IDS, MEMBERS, seedUuid } from "./seed";

const [ADMIN, MEMBER] = MEMBERS;
const C = IDS.companies;
const P = IDS.people;

const SF = {
  line_1: "1 Market St",
  line_2: null,
  line_3: null,
  line_4: null,
  locality: "San Francisco",
  region: "CA",
  postcode: "94105",
  country_code: "US",
  latitude: "37.7936",
  longitude: "-122.3958",
};
const LONDON = {
  line_1: "10 Finsbury Square",
  line_2: null,
  line_3: null,
  line_4: null,
  locality: "London",
  region: null,
  postcode: "EC2A 1AF",
  country_code: "GB",
  latitude: "51.5211",
  longitude: "-0.0865",
};
const BERLIN = {
  line_1: "Unter den Linden 5",
  line_2: null,
  line_3: null,
  line_4: null,
  locality: "Berlin",
  region: null,
  postcode: "10117",
  country_code: "DE",
  latitude: "52.5170",
  longitude: "13.3889",
};

const emailed = (at: string) => ({
  interaction_type: "email",
  interacted_at: at,
  owner_actor: { type: "workspace-member", id: ADMIN.id },
});

export type SeedRecord = { id: string; values: Record<string, unknown> };

/** Companies: five named ones first, then generated fillers so pagination has ≥ 30 rows. */
export const COMPANIES: SeedRecord[] = [
  {
    id: C.acme,
    values: {
      name: "Acme Corp",
      domains: ["acme.com", "acme.io"],
      description: "Maker of anvils, rockets and other fine products.",
      categories: ["SaaS", "B2B"],
      employee_range: "51-250",
      primary_location: SF,
      foundation_date: "2001-04-01",
      last_interaction: emailed("2024-03-01T12:00:00Z"),
    },
  },
  {
    id: C.globex,
    values: {
      name: "Globex Corporation",
      domains: ["globex.com"],
      description: "Global exports and unusual energy projects.",
      categories: ["Enterprise"],
      employee_range: "1K-5K",
      primary_location: LONDON,
      foundation_date: "1989-11-20",
    },
  },
  {
    id: C.initech,
    values: {
      name: "Initech",
      domains: ["initech.com"],
      description: "Software for banks; known for TPS reports.",
      categories: ["B2B", "Fintech"],
      employee_range: "251-1K",
      primary_location: SF,
    },
  },
  {
    id: C.umbrella,
    values: {
      name: "Umbrella Industries",
      domains: ["umbrella-industries.com"],
      description: "Pharmaceuticals and manufacturing.",
      categories: ["Manufacturing"],
      employee_range: "5K+",
      primary_location: BERLIN,
    },
  },
  {
    id: C.hooli,
    values: {
      name: "Hooli",
      domains: ["hooli.xyz"],
      description: "Making the world a better place.",
      categories: ["SaaS", "B2C"],
      employee_range: "5K+",
    },
  },
  ...Array.from({ length: FILLER_COMPANY_COUNT }, (_, i): SeedRecord => {
    const n = String(i + 6).padStart(2, "0");
    return {
      id: seedUuid("c0", i + 6),
      values: {
        name: `Company ${n}`,
        domains: [`company${n}.example.com`],
        description: `Generated filler company ${n}.`,
      },
    };
  }),
];

export const PEOPLE: SeedRecord[] = [
  {
    id: P.ann,
    values: {
      name: "Lee, Ann",
      email_addresses: ["ann@acme.com", "ann.lee@gmail.com"],
      phone_numbers: ["+1 415 555 0101"],
      job_title: "VP Sales",
      description: "Champion for the renewal.",
      company: C.acme,
      primary_location: SF,
      last_interaction: emailed("2024-03-02T09:30:00Z"),
    },
  },
  {
    id: P.bob,
    values: {
      name: { first_name: "Bob", last_name: "Stone", full_name: "Bob Stone" },
      email_addresses: "bob@acme.com",
      phone_numbers: "+14155550102",
      job_title: "CTO",
      company: C.acme,
    },
  },
  {
    id: P.carla,
    values: {
      name: "Diaz, Carla",
      email_addresses: ["carla@globex.com"],
      phone_numbers: ["+44 20 7946 0958"],
      job_title: "Head of Procurement",
      company: C.globex,
      primary_location: LONDON,
    },
  },
  {
    id: P.dan,
    values: {
      name: "Brown, Dan",
      email_addresses: ["dan@initech.com", "dan.brown@initech.com"],
      job_title: "Software Engineer",
      company: C.initech,
    },
  },
  {
    id: P.eve,
    values: {
      name: "Martin, Eve",
      email_addresses: ["eve@hooli.xyz"],
      phone_numbers: [{ original_phone_number: "030 1234567", country_code: "DE" }],
      job_title: "Product Manager",
      company: C.hooli,
      primary_location: BERLIN,
    },
  },
];

/** Company.team written after people exist (references must resolve). */
export const TEAMS: [string, string[]][] = [
  [C.acme, [P.ann, P.bob]],
  [C.globex, [P.carla]],
  [C.initech, [P.dan]],
  [C.hooli, [P.eve]],
];

export const DEALS: SeedRecord[] = [
  {
    id: IDS.deals.acme_renewal,
    values: {
      name: "Acme renewal 2024",
      stage: "In Progress",
      owner: { referenced_actor_type: "workspace-member", referenced_actor_id: ADMIN.id },
      value: 48000,
      associated_company: { target_object: "companies", target_record_id: C.acme },
      associated_people: [P.ann, P.bob],
    },
  },
  {
    id: IDS.deals.globex_pilot,
    values: {
      name: "Globex pilot",
      stage: "Lead",
      owner: MEMBER.email_address,
      value: { currency_value: 12000 },
      associated_company: C.globex,
      associated_people: [P.carla],
    },
  },
  {
    id: IDS.deals.initech_upsell,
    values: {
      name: "Initech upsell",
      stage: "Won 🎉",
      owner: { workspace_member_email_address: ADMIN.email_address },
      value: 30500.5,
      associated_company: C.initech,
      associated_people: [P.dan],
    },
  },
];

export const PROJECTS: SeedRecord[] = [
  {
    id: IDS.projects.rollout,
    values: {
      name: "Acme rollout",
      project_code: "PRJ-001",
      priority: "High",
      budget_hours: 120,
      is_billable: true,
      health: 4,
      kickoff_at: "2024-02-01T09:00:00Z",
      company: C.acme,
    },
  },
  {
    id: IDS.projects.migration,
    values: {
      name: "Globex migration",
      project_code: "PRJ-002",
      priority: "Medium",
      budget_hours: 80,
      is_billable: false,
      health: 3,
      kickoff_at: "2024-03-10T14:00:00Z",
      company: C.globex,
    },
  },
];

export const ENTRIES: { id: string; parent: string; values: Record<string, unknown> }[] = [
  {
    id: IDS.entries.acme,
    parent: C.acme,
    values: { stage: "Negotiation", owner: ADMIN.id, expected_value: 48000, priority: 5 },
  },
  {
    id: IDS.entries.globex,
    parent: C.globex,
    values: { stage: "Prospecting", owner: MEMBER.email_address, expected_value: 12000, priority: 3 },
  },
  {
    id: IDS.entries.initech,
    parent: C.initech,
    values: { stage: "Won", owner: ADMIN.id, expected_value: 30500, priority: 4 },
  },
];
