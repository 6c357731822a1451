// Reading the Worker's KV from a workerd test: the same TOKEN_STORE binding SELF uses.
import { env } from "cloudflare:test";

export function store(): KVNamespace {
  return (env as unknown as { TOKEN_STORE: KVNamespace }).TOKEN_STORE;
}

export async function keys(prefix?: string): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<unknown, string> = await store().list({ prefix, cursor });
    names.push(...page.keys.map((k) => k.name));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return names;
}

/** Grants and access tokens currently stored: "nothing issued" means these do not grow. */
export async function issued(): Promise<{ grants: number; tokens: number }> {
  return { grants: (await keys("grant:")).length, tokens: (await keys("token:")).length };
}

export interface KvCounts {
  reads: number;
  writes: number;
  deletes: number;
  lists: number;
}

export interface PutRecord {
  key: string;
  options: KVNamespacePutOptions | undefined;
}

/** Wraps a KV binding and counts operations (get/getWithMetadata = read, put = write); records puts. */
export function countingStore(inner: KVNamespace): {
  kv: KVNamespace;
  counts: KvCounts;
  puts: PutRecord[];
  reset(): KvCounts;
} {
  const counts: KvCounts = { reads: 0, writes: 0, deletes: 0, lists: 0 };
  const puts: PutRecord[] = [];
  const kv = new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (prop === "get" || prop === "getWithMetadata") counts.reads += Array.isArray(args[0]) ? args[0].length : 1;
        else if (prop === "put") {
          counts.writes++;
          puts.push({ key: String(args[0]), options: args[2] as KVNamespacePutOptions | undefined });
        } else if (prop === "delete") counts.deletes++;
        else if (prop === "list") counts.lists++;
        return value.apply(target, args);
      };
    },
  });
  return {
    kv,
    counts,
    puts,
    reset() {
      const snapshot = { ...counts };
      counts.reads = counts.writes = counts.deletes = counts.lists = 0;
      return snapshot;
    },
  };
}
