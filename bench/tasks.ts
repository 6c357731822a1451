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
  run(call: Call): Promise<void>;
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

export const TASKS: Task[] = [
  {
    name: "call prep on a person",
    ask: "I'm calling Dan Brown in ten minutes: who is he, where does he work, anything open with him?",
    async run(call) {
      const dan = await firstHit(call, "Dan Brown", ["people"]);
      const person = await call("records_get_details", { object: "people", record_id: dan.id });
      const company = person.record?.values?.company ?? person.values.company;
      await call("records_get_details", { object: company.object, record_id: company.id, fields: ["name", "domains"] });
      await call("list-notes", { object: "people", record_id: dan.id });
      await call("tasks_list", { object: "people", record_id: dan.id, is_completed: false });
      await call("meetings_list", { object: "people", record_id: dan.id, sort: "start_desc", limit: 3 });
    },
  },
  {
    name: "my deal value",
    ask: "What's the total value of the deals I own?",
    async run(call) {
      const me = await call("health-check", {});
      const deals = await call("records_query", {
        object: "deals",
        filter: { owner: { referenced_actor_id: { $eq: me.member_id } } },
        fields: ["name", "value"],
        limit: 100,
      });
      if (deals.count === 0) throw new Error("no deals owned");
    },
  },
  {
    name: "pipeline value per company",
    ask: "How much deal value does each company have?",
    async run(call) {
      const deals = await call("records_query", {
        object: "deals",
        fields: ["name", "value", "associated_company"],
        limit: 100,
      });
      const companies = new Set<string>();
      for (const deal of deals.records) companies.add(deal.values.associated_company.id);
      for (const id of companies)
        await call("records_get_details", { object: "companies", record_id: id, fields: ["name"] });
    },
  },
  {
    name: "add three companies to the pipeline",
    ask: "Put Hooli, Umbrella and Initech on the sales pipeline (don't duplicate any).",
    async run(call) {
      for (const name of ["Hooli", "Umbrella", "Initech"]) {
        const hit = await firstHit(call, name, ["companies"]);
        const entries = await call("records_list_entries", { object: "companies", record_id: hit.id });
        const onList = entries.entries.some((entry: { list: string }) => entry.list === "sales_pipeline");
        if (!onList) await call("list_entries_add", { list: "sales_pipeline", object: "companies", record_id: hit.id });
      }
    },
  },
  {
    name: "bulk recategorise",
    ask: "Every company with 5K+ employees should carry the Enterprise category; show me first, then do it.",
    async run(call) {
      const big = await call("records_query", {
        object: "companies",
        filter: { employee_range: "5K+" },
        fields: ["name", "categories"],
      });
      for (const record of big.records)
        await call("update-record", {
          object: "companies",
          record_id: record.id,
          values: { categories: ["Enterprise"] },
        });
    },
  },
  {
    name: "my open tasks with companies",
    ask: "Which of my open tasks are there, and which companies are they about?",
    async run(call) {
      const me = await call("health-check", {});
      const tasks = await call("tasks_list", { assignee: me.member_id, is_completed: false });
      const objects = await call("objects_list", {});
      const slugOf = new Map(objects.objects.map((o: { id: string; slug: string }) => [o.id, o.slug]));
      for (const task of tasks.tasks)
        for (const link of task.linked_records)
          await call("records_get_details", {
            object: slugOf.get(link.object) ?? link.object,
            record_id: link.id,
            fields: ["name"],
          });
    },
  },
  {
    name: "find a custom-object record",
    ask: "How many budget hours does the Acme rollout project have?",
    async run(call) {
      const first = await call("records_search", { query: "Acme rollout", limit: 5 });
      const project = first.results.find((hit: Hit) => hit.title === "Acme rollout");
      if (project) return;
      const objects = await call("objects_list", {});
      const slugs = objects.objects.map((o: { slug: string }) => o.slug);
      const hit = await firstHit(call, "Acme rollout", slugs);
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
      const me = await call("health-check", {});
      await call("tasks_create", {
        content: "Follow up on Acme comment",
        deadline: "2025-03-07",
        assignees: [me.member_id],
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
      await call("members_list", {});
      if (deals.count === 0) throw new Error("no Globex deal");
    },
  },
  {
    name: "reassign a colleague's deals",
    ask: "Max is leaving: move every deal he owns to Ada.",
    async run(call) {
      const members = await call("members_list", {});
      const max = members.members.find((m: { name: string }) => m.name.startsWith("Max"));
      const ada = members.members.find((m: { name: string }) => m.name.startsWith("Ada"));
      const deals = await call("records_query", {
        object: "deals",
        filter: { owner: { referenced_actor_id: { $eq: max.id } } },
        fields: ["name", "owner"],
      });
      for (const deal of deals.records)
        await call("update-record", {
          object: "deals",
          record_id: deal.id,
          values: { owner: { type: "workspace-member", id: ada.id } },
        });
    },
  },
];
