// Anonymous OAuth endpoints, before the library sees them: a per-IP rate limit (Workers
// rate-limiting binding) and a body cap, so no unauthenticated request can spend the day's KV
// writes or the isolate's memory (128 MB, shared by every request on it).
import type { Env } from "../env";

/**
 * POST bodies the OAuth endpoints accept: a form or a registration document is far smaller.
 * @internal exported for tests (knip --production ignores it)
 */
export const MAX_OAUTH_BODY_BYTES = 16 * 1024;

/** Paths that write KV before anyone has signed in (registration, consent pages, tokens). */
const LIMITED_PATHS = new Set(["/oauth/register", "/oauth/authorize", "/oauth/token"]);

/** What the binding in wrangler.toml allows (README "Security"); Retry-After names the window. */
const RATE_LIMIT_PERIOD_SECONDS = 60;

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/**
 * Returns a refusal (429 or 413), or the request to pass on, its body read once and bounded.
 * Only POST bodies are read here; GETs pass through with their (empty) body untouched.
 */
export async function frontDoor(request: Request, env: Env, pathname: string): Promise<Request | Response> {
  if (!LIMITED_PATHS.has(pathname)) return request;
  const limited = await rateLimited(request, env);
  if (limited) return limited;
  if (hasControlCharacters(new URL(request.url).searchParams)) return controlCharacters();
  if (request.method !== "POST") return request;
  const body = await readBounded(request);
  if (body === undefined) return tooLarge();
  const type = request.headers.get("content-type") ?? "";
  if (type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    if (hasControlCharacters(new URLSearchParams(new TextDecoder().decode(body)))) return controlCharacters();
  }
  return new Request(request, { body });
}

/**
 * No valid client_id (RFC 7591 string or https URL) or redirect URI contains a control character;
 * the library logs client ids as given, so one with a newline could forge a log line.
 */
const CHECKED_PARAMS = ["client_id", "redirect_uri"];

function hasControlCharacters(params: URLSearchParams): boolean {
  return CHECKED_PARAMS.some((name) => params.getAll(name).some((value) => /[\p{Cc}\p{Zl}\p{Zp}]/u.test(value)));
}

function controlCharacters(): Response {
  return Response.json(
    { error: "invalid_request", error_description: "client_id and redirect_uri must not contain control characters" },
    { status: 400, headers: NO_STORE },
  );
}

/**
 * Cloudflare sets CF-Connecting-IP on every request it delivers; only local test harnesses can
 * omit it, and they share one bucket. The binding counts per location and is approximate by
 * design (developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/).
 */
async function rateLimited(request: Request, env: Env): Promise<Response | undefined> {
  const limiter = env.OAUTH_RATE_LIMITER;
  if (!limiter) return undefined;
  const key = `oauth:${request.headers.get("cf-connecting-ip") ?? "unknown"}`;
  const { success } = await limiter.limit({ key });
  if (success) return undefined;
  // RFC 6585 §4: 429 with Retry-After; the body in the RFC 6749 §5.2 error shape.
  return Response.json(
    {
      error: "temporarily_unavailable",
      error_description: `Too many sign-in requests from this address; retry after ${RATE_LIMIT_PERIOD_SECONDS} seconds`,
    },
    { status: 429, headers: { ...NO_STORE, "Retry-After": String(RATE_LIMIT_PERIOD_SECONDS) } },
  );
}

/** Content-Length first (nothing read), then the stream itself, which may lie or be chunked. */
async function readBounded(request: Request): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > MAX_OAUTH_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_OAUTH_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** RFC 9110 §15.5.14: 413 Content Too Large, in the OAuth error shape every client here reads. */
function tooLarge(): Response {
  return Response.json(
    {
      error: "invalid_request",
      error_description: `Request body is larger than ${MAX_OAUTH_BODY_BYTES} bytes; OAuth requests are small forms`,
    },
    { status: 413, headers: { ...NO_STORE, Connection: "close" } },
  );
}
