// One structured JSON line per request, for `wrangler tail` and Workers Logs (which index the
// fields of a JSON log line: https://developers.cloudflare.com/workers/observability/logs/workers-logs/).
// Only ids, names, statuses and timings go in: never a token, code, secret, email or argument value.

/** The response header that carries the id a person or model quotes when something went wrong. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/** One Attio HTTP attempt: the path has its ids and slugs replaced (attio/client.ts `pathTemplate`). */
export interface AttioCall {
  method: string;
  path: string;
  status: number;
  ms: number;
}

/** Fields a request may add; each is a plain identifier or number, never a value from the request body. */
export interface LogFields {
  mcp_method?: string;
  tool?: string;
  era?: string;
  rpc_error?: number;
  oauth_error?: string;
  workspace_id?: string;
  client_id?: string;
  /** What went wrong, in our own words (never a caught message that could carry input). */
  note?: string;
  /** An unexpected exception: its class name only. */
  exception?: string;
  /** Names of misconfigured settings. */
  problems?: string[];
}

/** Identifiers from a request (a client id, a method name) are logged only when they look like one. */
const SAFE_ID = /^[\w./:@-]{1,200}$/;

export class RequestLog {
  readonly id = newRequestId();
  readonly started = Date.now();
  readonly attio: AttioCall[] = [];
  retries = 0;
  private fields: LogFields = {};

  constructor(
    readonly method: string,
    readonly route: string,
  ) {}

  set(fields: LogFields): void {
    for (const [key, value] of Object.entries(fields) as [keyof LogFields, unknown][]) {
      if (value === undefined) continue;
      if (typeof value === "string" && !SAFE_ID.test(value) && key !== "note") continue;
      (this.fields as Record<string, unknown>)[key] = value;
    }
  }

  /** Records one Attio attempt; a 429 that is retried counts as a retry. */
  attioCall(call: AttioCall, retried: boolean): void {
    this.attio.push(call);
    if (retried) this.retries++;
  }

  line(status: number): Record<string, unknown> {
    const line: Record<string, unknown> = {
      request_id: this.id,
      method: this.method,
      route: this.route,
      status,
      ms: Date.now() - this.started,
      ...this.fields,
    };
    if (this.attio.length > 0) line.attio = this.attio;
    if (this.retries > 0) line.attio_retries = this.retries;
    return line;
  }

  /** The one line: JSON.stringify escapes newlines, so no request value can forge another line. */
  write(status: number): void {
    const text = JSON.stringify(this.line(status));
    if (status >= 500) console.error(text);
    else if (status >= 400) console.warn(text);
    else console.log(text);
  }
}

/**
 * The OAuth library reports its errors through a hook that sees the request, not our context:
 * this finds the request's log from the Request object the provider was given.
 */
const BY_REQUEST = new WeakMap<Request, RequestLog>();

export function attachLog(request: Request, log: RequestLog): Request {
  BY_REQUEST.set(request, log);
  return request;
}

export function logFor(request: Request | undefined): RequestLog | undefined {
  return request ? BY_REQUEST.get(request) : undefined;
}

/** 16 random hex characters: short enough to read out, unique enough to find one line. */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
