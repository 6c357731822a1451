// Many Attio writes in one tool call: a few at a time (Attio allows 25 writes/s), every outcome
// kept per item so a partial failure says exactly what was and was not written.
import { AttioError } from "../attio/errors";

/** Writes in flight at once: well under Attio's 25 writes per second, with the client's 429 retry as backstop. */
const CONCURRENCY = 4;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown; message: string };

/** Runs `write` for every item, at most CONCURRENCY at a time; outcomes in input order. */
export async function writeEach<I, T>(items: readonly I[], write: (item: I) => Promise<T>): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        outcomes[index] = { ok: true, value: await write(items[index] as I) };
      } catch (error) {
        // A revoked token ends the whole call: the client must sign in again.
        if (error instanceof AttioError && error.isUnauthorized) throw error;
        outcomes[index] = { ok: false, error, message: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return outcomes;
}

/** When every write failed there is nothing partial to report: the first failure is the answer (isError). */
export function throwIfNoneWritten(outcomes: readonly Outcome<unknown>[]): void {
  const failed = outcomes.filter((outcome) => !outcome.ok);
  if (failed.length > 0 && failed.length === outcomes.length) throw (failed[0] as { error: unknown }).error;
}
