// Client ID Metadata Documents, fetched strictly. The library fetches them with the global fetch,
// which follows redirects and accepts any content type; it offers no hook, so its requests (known
// by its User-Agent) pass through this wrapper. draft-ietf-oauth-client-id-metadata-document-00
// §4: the document is served from the client_id URL itself (no redirects) as application/json,
// so the consent page's "published by <client_id host>" stays true.

/** The library's outbound User-Agent starts with its package name (CIMD and JWKS fetches only). */
const LIBRARY_AGENT = "workers-oauth-provider/";

/**
 * One consent page makes the library resolve the client several times (parse, describe, begin):
 * a validated document is reused for this long, so the page shows exactly what was checked.
 */
const REUSE_MS = 10_000;
const MAX_REUSED = 32;

/** The library refuses documents over 5 KiB; reading stops a little past that, never unbounded. */
const MAX_DOCUMENT_BYTES = 5 * 1024;

const recent = new Map<string, { at: number; bytes: ArrayBuffer; headers: Headers }>();
let installed = false;

export function installStrictDocumentFetch(): void {
  if (installed) return;
  installed = true;
  const inner = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const agent = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get(
      "user-agent",
    );
    if (!agent?.startsWith(LIBRARY_AGENT)) return inner(input, init);
    return fetchDocument(inner, input, init);
  };
}

async function fetchDocument(
  inner: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  const reused = recent.get(url);
  if (reused && Date.now() - reused.at < REUSE_MS) return new Response(reused.bytes, { headers: reused.headers });
  const response = await inner(input, { ...init, redirect: "manual" });
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new Error(`client metadata document answered HTTP ${response.status} (redirects are not followed)`);
  }
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (response.ok && type !== "application/json" && !type.endsWith("+json")) {
    await response.body?.cancel();
    throw new Error("client metadata document is not served as application/json");
  }
  if (!response.ok) return response;
  const bytes = await readAtMost(response, MAX_DOCUMENT_BYTES);
  if (recent.size >= MAX_REUSED) recent.clear();
  recent.set(url, { at: Date.now(), bytes, headers: new Headers(response.headers) });
  return new Response(bytes, { status: response.status, headers: response.headers });
}

async function readAtMost(response: Response, limit: number): Promise<ArrayBuffer> {
  const reader = response.body?.getReader();
  if (!reader) return new ArrayBuffer(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`client metadata document is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
