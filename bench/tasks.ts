// Realistic multi-step CRM tasks, each scripted as the calls a careful model makes with this
// server's tools. bench/tasks-run.ts runs them through the MCP endpoint against the sandbox and
// counts tool calls, Attio requests and result bytes. The scripts follow the toolset: when a
// tool makes a step unnecessary, the script drops the step (git history keeps the old scripts).

// biome-ignore lint/suspicious/noExplicitAny: scripts read arbitrary tool JSON
export type Call = (name: string, args: Record<string, unknown>) => Promise<any>;

export interface Task {
  name: string;
  /** What the user asked. */
  ask: string;
  /** `tools`: the names tools/list offers, so a script uses what this build has. */
  run(call: Call, tools: Set<string>): Promise<void>;
}

interface Hit {
  id: string;
  object: string;
  title: string;
}

async function firstHit(call: Call, query: string, objects?: string[]): Promise<Hit> {
  const found = await call("records_search", { query, ...(objects ? { objects } : {}), limit: 5 });
  const hit = found.results[0] as Hit | undefined;
  if (!hit) throw new Error(`no hit for ${query}`);
  return hit;
}

/** A record reference as results give it: named once issue 8's names are resolved, bare before. */
interface Ref {
  object: string;
  id: string;
  name?: string;
}

const has = (name: string, tools: Set<string>) => tools.has(name);

export const TASKS: Task[] = [
  {
    name: "call prep on a person",
    ask: "I'm calling Dan Brown in ten minutes: who is he, where does he work, anything open with him?",
    async run(call, tools) {
      const dan = await firstHit(call, "Dan Brown", ["people"]);
      if (has("record_overview", tools)) {
        await call("record_overview", { object: "people", record_id: dan.id });
        return;
      }
      const person = await call("records_get_details", { object: "people", record_id: dan.id });
      const company = person.values.company as Ref;
      if (!company.name)
        await call("records_get_details", { object: company.object, record_id: company.id, fields: ["name"] });
      await call("list-notes", { object: "people", record_id: dan.id });
      await call("tasks_list", { object: "people", record_id: dan.id, is_completed: false });
      await call("meetings_list", { object: "people", record_id: dan.id, sort: "start_desc", limit: 3 });
    },
  },
  {
    name: "my deal value",
    ask: "What's the total value of the deals I own?",
    async run(call, tools) {
      if (has("records_aggregate", tools)) {
        await call("records_aggregate", { object: "deals", filter: { owner: "me" }, measure: "value" });
        return;
      }
      const deals = await call("records_query", {
        object: "deals",
        filter: { owner: "me" },
        fields: ["name", "value"],
        limit: 100,
      });
      if (deals.count === 0) throw new Error("no deals owned");
    },
  },
  {
    name: "pipeline value per company",
    ask: "How much deal value does each company have?",
    async run(call, tools) {
      if (has("records_aggregate", tools)) {
        await call("records_aggregate", { object: "deals", group_by: "associated_company", measure: "value" });
        return;
      }
      const deals = await call("records_query", {
        object: "deals",
        fields: ["name", "value", "associated_company"],
        limit: 100,
      });
      const unnamed = new Set<string>();
      for (const deal of deals.records) {
        const company = deal.values.associated_company as Ref;
        if (!company.name) unnamed.add(company.id);
      }
      for (const id of unnamed)
        await call("records_get_details", { object: "companies", record_id: id, fields: ["name"] });
    },
  },
  {
    name: "add three companies to the pipeline",
    ask: "Put Hooli, Umbrella and Initech on the sales pipeline (don't duplicate any).",
    async run(call) {
      const ids: string[] = [];
      for (const name of ["Hooli", "Umbrella", "Initech"]) ids.push((await firstHit(call, name, ["companies"])).id);
      await call("list_entries_add", { list: "sales_pipeline", object: "companies", record_ids: ids });
    },
  },
  {
    name: "bulk recategorise",
    ask: "Every company with 5K+ employees should carry the Enterprise category; show me first, then do it.",
    async run(call) {
      const args = { object: "companies", filter: { employee_range: "5K+" }, values: { categories: ["Enterprise"] } };
      await call("records_update_many", { ...args, dry_run: true });
      await call("records_update_many", args);
    },
  },
  {
    name: "my open tasks with companies",
    ask: "Which of my open tasks are there, and which companies are they about?",
    async run(call) {
      const tasks = await call("tasks_list", { assignee: "me", is_completed: false });
      for (const task of tasks.tasks)
        for (const link of task.linked_records as Ref[])
          if (!link.name) await call("fetch", { id: `record:${link.object}:${link.id}` });
    },
  },
  {
    name: "find a custom-object record",
    ask: "How many budget hours does the Acme rollout project have?",
    async run(call) {
      const hit = await firstHit(call, "Acme rollout");
      if (hit.object !== "projects") throw new Error(`found ${hit.object}`);
      await call("records_get_details", { object: hit.object, record_id: hit.id, fields: ["budget_hours"] });
    },
  },
  {
    name: "reply and follow up",
    ask: "Reply 'On it' to the latest comment on Acme and give me a task to follow up by Friday.",
    async run(call) {
      const acme = await firstHit(call, "Acme", ["companies"]);
      const threads = await call("comments_list", { object: "companies", record_id: acme.id });
      await call("comments_create", { thread_id: threads.threads[0].id, content: "On it" });
      await call("tasks_create", {
        content: "Follow up on Acme comment",
        deadline: "2025-03-07",
        assignees: ["me"],
        linked_records: [{ object: "companies", id: acme.id }],
      });
    },
  },
  {
    name: "log a call by email",
    ask: "Log a note on carla@globex.com: 'Pricing approved, send contract'.",
    async run(call) {
      const carla = await firstHit(call, "carla@globex.com", ["people"]);
      await call("create-note", {
        object: "people",
        record_id: carla.id,
        title: "Call with Carla",
        content: "Pricing approved, send contract",
      });
    },
  },
  {
    name: "stage of a deal's company on the pipeline",
    ask: "What stage is Globex at on the sales pipeline, and who is the owner of the Globex deal?",
    async run(call) {
      const globex = await firstHit(call, "Globex", ["companies"]);
      await call("list_entries_query", {
        list: "sales_pipeline",
        filter: { parent_record_id: { $eq: globex.id } },
      });
      const deals = await call("records_query", {
        object: "deals",
        filter: { associated_company: { target_record_id: { $eq: globex.id } } },
        fields: ["name", "owner"],
      });
      if (deals.count === 0) throw new Error("no Globex deal");
      if (!deals.records[0].values.owner.name) await call("members_list", {});
    },
  },
  {
    name: "reassign a colleague's deals",
    ask: "Max is leaving: move every deal he owns to Ada.",
    async run(call) {
      const args = { object: "deals", filter: { owner: "Max Member" }, values: { owner: "ada@sandbox.example" } };
      await call("records_update_many", { ...args, dry_run: true });
      await call("records_update_many", args);
    },
  },
];
