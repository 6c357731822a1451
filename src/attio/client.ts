// The one Attio client: openapi-fetch typed by generated/attio.d.ts, with bounded 429
// retries, a per-request timeout, and every failure turned into an AttioError value.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/attio";
import { checkBaseUrl } from "../url-policy";
import { AttioError, problemFromResponse } from "./errors";

export type Attio = Client<paths>;

export interface AttioOptions {
  /** API origin, e.g. https://api.attio.com; https required except loopback. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after a 429. */
  maxRetries?: number;
  /** Longest total time spent waiting on Retry-After before giving up. */
  maxRetryWaitMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/**
 * POST /v2/sql runs up to 30 s before Attio stops it and answers with its own error
 * (attio-openapi.json "Query SQL"); wait a little longer so that clear answer arrives.
 */
const SQL_TIMEOUT_MS = 35_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_WAIT_MS = 4_000;

export function createAttio(options: AttioOptions): Attio {
  const baseUrl = checkBaseUrl(options.baseUrl, "ATTIO_API_BASE");
  return createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${options.token}` },
    fetch: retryingFetch(options),
    pathSerializer: safePath,
  });
}

/**
 * RFC 3986 §5.2.4: "." and ".." segments (also as %2E) are resolved away when the URL is built,
 * so an object or list argument of ".." would turn DELETE /v2/objects/{object}/records/{id} into
 * DELETE /v2/records/{id}. Such values never reach Attio; every other value is percent-encoded
 * as openapi-fetch does (encodeURIComponent, so "/" cannot add a segment either).
 */
function safePath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = String(params?.[name] ?? "");
    if (value === "" || /^(\.|%2e){1,2}$/i.test(value)) throw new AttioError({ kind: "path", name, value });
    return encodeURIComponent(value);
  });
}

/**
 * Attio answers 429 with Retry-After as an HTTP date; seconds are honoured too. A 429 was not
 * processed, so retrying any method is safe (https://docs.attio.com/rest-api/guides/rate-limiting).
 */
function retryingFetch(options: AttioOptions): (request: Request) => Promise<Response> {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  return async (request) => {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      const limit = new URL(request.url).pathname.endsWith("/v2/sql") ? Math.max(timeoutMs, SQL_TIMEOUT_MS) : timeoutMs;
      const response = await sendWithTimeout(send, request.clone(), limit);
      if (response.status !== 429 || attempt >= maxRetries) return response;
      const delay = retryDelayMs(response.headers.get("retry-after"), Date.now());
      if (delay === null || waited + delay > maxWaitMs) return response;
      await response.body?.cancel();
      waited += delay;
      await sleep(delay);
    }
  };
}

/** HTTP statuses whose responses may not carry a body (fetch standard "null body status"). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * One attempt, bounded as a whole: the timeout covers the body as well as the headers (a body
 * that stalls after the headers would otherwise hang the call), so the body is read here.
 */
async function sendWithTimeout(
  send: (request: Request) => Promise<Response>,
  request: Request,
  timeoutMs: number,
): Promise<Response> {
  const controller = new AbortController();
  let timer!: ReturnType<typeof setTimeout>; // set by the executor, which runs at once
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new AttioError({ kind: "timeout", timeoutMs }));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([send(new Request(request, { signal: controller.signal })), timeout]);
    const body = await Promise.race([response.arrayBuffer(), timeout]);
    return new Response(NULL_BODY.has(response.status) ? null : body, response);
  } catch (cause) {
    if (cause instanceof AttioError) throw cause;
    throw new AttioError({ kind: "network", message: cause instanceof Error ? cause.message : String(cause) });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Milliseconds to wait per a Retry-After header (RFC 9110 §10.2.3: HTTP-date or seconds).
 * @internal exported for tests (knip --production ignores it)
 */
export function retryDelayMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws one AttioError describing
 * the failure (Attio's {status_code,type,code,message}, a network failure or a timeout).
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    if (cause instanceof AttioError) throw cause;
    throw new AttioError({ kind: "network", message: cause instanceof Error ? cause.message : String(cause) });
  }
  const { response } = result;
  // openapi-fetch types `error` as never where the spec declares no error body, so test the response.
  if (!response.ok || result.data === undefined) throw new AttioError(problemFromResponse(response, result.error));
  return result.data;
}
