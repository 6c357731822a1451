// Pure grouping arithmetic for records_aggregate: rows in, groups with count and sum/avg/min/max
// out. Currency amounts are kept apart per currency code, never added across currencies.

export type Metric = "sum" | "avg" | "min" | "max";
export const METRICS: readonly Metric[] = ["sum", "avg", "min", "max"];

/** One row as the tool reads it: the keys it falls under (several for a multi-select) and its amounts. */
export interface Row {
  keys: { id: string | null; name: string | null }[];
  /** Amounts of the measured attribute; `currency` is null for a plain number. */
  amounts: { value: number; currency: string | null }[];
}

/** Per currency code ("" for plain numbers): running sum, count, min, max. */
type Tally = Map<string, { sum: number; n: number; min: number; max: number }>;

interface Bucket {
  id: string | null;
  name: string | null;
  count: number;
  tally: Tally;
}

type MetricValue = number | Record<string, number>;
export interface Group {
  group: string | null;
  group_id?: string;
  count: number;
  sum?: MetricValue;
  avg?: MetricValue;
  min?: MetricValue;
  max?: MetricValue;
}

function add(tally: Tally, amounts: Row["amounts"]): void {
  for (const { value, currency } of amounts) {
    const code = currency ?? "";
    const t = tally.get(code);
    if (!t) tally.set(code, { sum: value, n: 1, min: value, max: value });
    else {
      t.sum += value;
      t.n += 1;
      t.min = Math.min(t.min, value);
      t.max = Math.max(t.max, value);
    }
  }
}

/** Two decimals: enough for money, no float noise such as 0.30000000000000004. */
const round = (n: number) => Math.round(n * 100) / 100;

function metricsOf(tally: Tally, metrics: readonly Metric[]): Partial<Record<Metric, MetricValue>> {
  const out: Partial<Record<Metric, MetricValue>> = {};
  if (tally.size === 0) return out;
  const plain = tally.size === 1 && tally.has("");
  for (const metric of metrics) {
    const per: Record<string, number> = {};
    for (const [code, t] of tally) {
      per[code || "number"] = round(metric === "sum" ? t.sum : metric === "avg" ? t.sum / t.n : t[metric]);
    }
    out[metric] = plain ? (per.number as number) : per;
  }
  return out;
}

/**
 * Groups rows by their keys (a row with no key falls in the `null` group), biggest group first,
 * and totals every row once (a multi-select row counts in each of its groups but once in the total).
 */
export function aggregate(
  rows: readonly Row[],
  metrics: readonly Metric[],
  grouped: boolean,
): { groups: Group[]; total: Omit<Group, "group" | "group_id"> } {
  const buckets = new Map<string, Bucket>();
  const total: Tally = new Map();
  for (const row of rows) {
    add(total, row.amounts);
    if (!grouped) continue;
    const keys = row.keys.length > 0 ? row.keys : [{ id: null, name: null }];
    for (const key of keys) {
      const id = key.id ?? "\u0000none";
      const bucket = buckets.get(id) ?? { id: key.id, name: key.name, count: 0, tally: new Map() };
      buckets.set(id, bucket);
      bucket.count += 1;
      add(bucket.tally, row.amounts);
    }
  }
  const groups = [...buckets.values()]
    .sort((a, b) => b.count - a.count || (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)))
    .map((b) => ({
      group: b.name,
      ...(b.id !== null && b.id !== b.name ? { group_id: b.id } : {}),
      count: b.count,
      ...metricsOf(b.tally, metrics),
    }));
  return { groups, total: { count: rows.length, ...metricsOf(total, metrics) } };
}
