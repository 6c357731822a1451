// Fault injection for resilience tests: the next `count` matching requests get a 429, a 500,
// or hang forever. Shapes follow Attio (429 carries Retry-After as an HTTP date).
import type { Reply } from "./http";

/** "202": the handler still runs but answers as an asynchronous merge (see merge.ts). */
type FaultMode = "429" | "500" | "hang" | "202";
export interface Fault {
  mode: FaultMode;
  remaining: number;
  path?: string;
  retryAfterSeconds: number;
  /** "202" only: how many reads of the merged record answer 404 merge_in_progress. */
  reads: number;
}

export class Faults {
  private list: Fault[] = [];

  add(input: { mode?: unknown; count?: unknown; path?: unknown; retryAfterSeconds?: unknown; reads?: unknown }): Fault {
    const mode = String(input.mode);
    if (mode !== "429" && mode !== "500" && mode !== "hang" && mode !== "202")
      throw new Error('mode must be "429", "500", "hang" or "202"');
    const fault: Fault = {
      mode,
      remaining: typeof input.count === "number" && input.count > 0 ? input.count : 1,
      path: typeof input.path === "string" ? input.path : undefined,
      retryAfterSeconds: typeof input.retryAfterSeconds === "number" ? input.retryAfterSeconds : 1,
      reads: typeof input.reads === "number" && input.reads >= 0 ? input.reads : 2,
    };
    this.list.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault matching this path, if any. */
  take(path: string): Fault | undefined {
    const fault = this.list.find((f) => f.remaining > 0 && (!f.path || path.includes(f.path)));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.list = this.list.filter((f) => f.remaining > 0);
    return fault;
  }

  clear(): void {
    this.list = [];
  }

  pending(): Fault[] {
    return this.list.map((f) => ({ ...f }));
  }
}

export function faultReply(fault: Fault): Reply {
  if (fault.mode === "429") {
    return {
      status: 429,
      // Attio sends an HTTP date, not delta-seconds.
      headers: { "retry-after": new Date(Date.now() + fault.retryAfterSeconds * 1000).toUTCString() },
      body: {
        status_code: 429,
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
        message: "Rate limit exceeded, please try again later",
      },
    };
  }
  return {
    status: 500,
    body: {
      status_code: 500,
      type: "api_error",
      code: "internal_error",
      message: "An internal error occurred. Please try again later. (injected by the sandbox)",
    },
  };
}
