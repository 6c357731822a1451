// Object and list configuration of a seeded workspace: Attio's standard objects (people,
// companies, deals), one custom object (projects) and the "Sales pipeline" list. Ids derive
// from (workspace, object, attribute) so they are stable yet differ between workspaces.
import { SEED_TIME } from "./seed";
import type { AttributeDef, AttributeType, ListDef, ObjectDef, StatusDef } from "./types";
import { stableId } from "./util";

interface Flags {
  required?: boolean;
  unique?: boolean;
  multi?: boolean;
  /** system-managed: listed with is_system_attribute and not writable through the API */
  system?: boolean;
  options?: string[];
  statuses?: string[];
  targets?: string[];
  currency?: string;
  /** Two-way relationship: the far end's object and attribute slug (see mirror.ts). */
  mirror?: [object: string, slug: string];
}
type Spec = [slug: string, title: string, type: AttributeType, flags?: Flags];

/** Every Attio record carries these, maintained by Attio itself. */
const SYSTEM: Spec[] = [
  ["record_id", "Record ID", "text", { system: true, unique: true }],
  ["created_at", "Created at", "timestamp", { system: true }],
  ["created_by", "Created by", "actor-reference", { system: true }],
];

const OBJECTS: { slug: string; singular: string; plural: string; attrs: Spec[] }[] = [
  {
    slug: "people",
    singular: "Person",
    plural: "People",
    attrs: [
      ["name", "Name", "personal-name"],
      ["email_addresses", "Email addresses", "email-address", { unique: true, multi: true }],
      ["phone_numbers", "Phone numbers", "phone-number", { multi: true }],
      ["job_title", "Job title", "text"],
      ["description", "Description", "text"],
      ["company", "Company", "record-reference", { targets: ["companies"], mirror: ["companies", "team"] }],
      [
        "associated_deals",
        "Associated deals",
        "record-reference",
        { multi: true, targets: ["deals"], mirror: ["deals", "associated_people"] },
      ],
      ["primary_location", "Primary location", "location"],
      ["last_interaction", "Last interaction", "interaction", { system: true }],
      ...SYSTEM,
    ],
  },
  {
    slug: "companies",
    singular: "Company",
    plural: "Companies",
    attrs: [
      ["name", "Name", "text"],
      ["domains", "Domains", "domain", { unique: true, multi: true }],
      ["description", "Description", "text"],
      [
        "categories",
        "Categories",
        "select",
        { multi: true, options: ["SaaS", "B2B", "B2C", "Enterprise", "Fintech", "Manufacturing"] },
      ],
      [
        "employee_range",
        "Employee range",
        "select",
        { options: ["1-10", "11-50", "51-250", "251-1K", "1K-5K", "5K+"] },
      ],
      ["team", "Team", "record-reference", { multi: true, targets: ["people"], mirror: ["people", "company"] }],
      [
        "associated_deals",
        "Associated deals",
        "record-reference",
        { multi: true, targets: ["deals"], mirror: ["deals", "associated_company"] },
      ],
      ["primary_location", "Primary location", "location"],
      ["foundation_date", "Foundation date", "date"],
      ["last_interaction", "Last interaction", "interaction", { system: true }],
      ...SYSTEM,
    ],
  },
  {
    slug: "deals",
    singular: "Deal",
    plural: "Deals",
    attrs: [
      ["name", "Deal name", "text", { required: true }],
      ["stage", "Deal stage", "status", { statuses: ["Lead", "In Progress", "Won 🎉", "Lost"] }],
      ["owner", "Deal owner", "actor-reference"],
      ["value", "Deal value", "currency", { currency: "USD" }],
      [
        "associated_company",
        "Associated company",
        "record-reference",
        { targets: ["companies"], mirror: ["companies", "associated_deals"] },
      ],
      [
        "associated_people",
        "Associated people",
        "record-reference",
        { multi: true, targets: ["people"], mirror: ["people", "associated_deals"] },
      ],
      ...SYSTEM,
    ],
  },
  {
    // Custom object: exercises number, checkbox, rating, timestamp and a unique text for assert.
    slug: "projects",
    singular: "Project",
    plural: "Projects",
    attrs: [
      ["name", "Name", "text", { required: true }],
      ["project_code", "Project code", "text", { unique: true }],
      ["priority", "Priority", "select", { options: ["Low", "Medium", "High"] }],
      ["budget_hours", "Budget (hours)", "number"],
      ["is_billable", "Billable", "checkbox"],
      ["health", "Health", "rating"],
      ["kickoff_at", "Kickoff at", "timestamp"],
      ["company", "Company", "record-reference", { targets: ["companies"] }],
      ...SYSTEM,
    ],
  },
];

function buildAttribute(
  wsKey: string,
  parentId: string,
  parentSlug: string,
  [slug, title, type, f = {}]: Spec,
): AttributeDef {
  const id = stableId(`${wsKey}/${parentSlug}/${slug}`);
  const attr: AttributeDef = {
    id,
    parent_id: parentId,
    api_slug: slug,
    title,
    description: null,
    type,
    is_system_attribute: !!f.system,
    is_writable: !f.system,
    is_required: !!f.required,
    is_unique: !!f.unique,
    is_multiselect: !!f.multi,
    created_at: SEED_TIME,
  };
  if (f.options)
    attr.options = f.options.map((t) => ({ id: stableId(`${id}/option/${t}`), title: t, is_archived: false }));
  if (f.statuses)
    attr.statuses = f.statuses.map(
      (t): StatusDef => ({
        id: stableId(`${id}/status/${t}`),
        title: t,
        is_archived: false,
        celebration_enabled: t.startsWith("Won"),
        target_time_in_status: null,
      }),
    );
  if (f.targets) attr.targets = f.targets;
  if (f.currency) attr.currency_code = f.currency;
  if (f.mirror) attr.relationship = { object: f.mirror[0], slug: f.mirror[1] };
  return attr;
}

export function buildObjects(wsKey: string, opts: { custom: boolean }): ObjectDef[] {
  return OBJECTS.filter((o) => opts.custom || o.slug !== "projects").map((o) => {
    const id = stableId(`${wsKey}/object/${o.slug}`);
    return {
      id,
      api_slug: o.slug,
      singular_noun: o.singular,
      plural_noun: o.plural,
      created_at: SEED_TIME,
      attributes: o.attrs.map((spec) => buildAttribute(wsKey, id, o.slug, spec)),
    };
  });
}

const LIST_ATTRS: Spec[] = [
  ["stage", "Stage", "status", { statuses: ["Prospecting", "Qualified", "Negotiation", "Won", "Lost"] }],
  ["owner", "Owner", "actor-reference"],
  ["expected_value", "Expected value", "currency", { currency: "USD" }],
  ["priority", "Priority", "rating"],
  ["created_at", "Created at", "timestamp", { system: true }],
  ["created_by", "Created by", "actor-reference", { system: true }],
];

export function buildList(wsKey: string, id: string, adminId: string): ListDef {
  return {
    id,
    api_slug: "sales_pipeline",
    name: "Sales pipeline",
    parent_object: ["companies"],
    workspace_access: "full-access",
    created_by_actor: { type: "workspace-member", id: adminId },
    created_at: SEED_TIME,
    attributes: LIST_ATTRS.map((spec) => buildAttribute(wsKey, id, "sales_pipeline", spec)),
  };
}
