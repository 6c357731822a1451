// The Worker's base URL as a second name for its MCP endpoint: users give Claude and ChatGPT the
// bare Worker URL too (README "Connect Claude"), so POST / serves MCP (same token check as /mcp).
// But RFC 9728 §3.3 has the metadata at the root well-known URI name the resource it was derived
// from (the origin), and MCP clients (the official SDK among them) refuse a resource whose path
// is not a prefix of the URL they were given. So the root document names the origin, a POST /
// challenge points at it, and a `resource` of the origin is read as <origin>/mcp (RFC 8707 §2:
// the authorization server decides the audience). Tokens stay bound to <origin>/mcp whichever
// name the client used.
import { MCP_PATH, resourceFor } from "./oauth/provider";
import { SERVER_INFO } from "./version";

const PRM_ROOT = "/.well-known/oauth-protected-resource";

function namesOrigin(value: string, origin: string): boolean {
  return value === origin || value === `${origin}/`;
}

/** Rewrites `resource` values naming the origin to <origin>/mcp, in place; false when none did. */
function remapResource(params: URLSearchParams, origin: string): boolean {
  const values = params.getAll("resource");
  if (!values.some((value) => namesOrigin(value, origin))) return false;
  params.delete("resource");
  for (const value of values) params.append("resource", namesOrigin(value, origin) ? resourceFor(origin) : value);
  return true;
}

/** /oauth/authorize (query) and /oauth/token (form body): an origin `resource` becomes <origin>/mcp. */
async function mapOriginResource(request: Request, origin: string): Promise<Request> {
  const url = new URL(request.url);
  if (request.method === "GET" && url.pathname === "/oauth/authorize") {
    if (!remapResource(url.searchParams, origin)) return request;
    return new Request(url.toString(), request);
  }
  const isForm = request.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded");
  if (request.method === "POST" && url.pathname === "/oauth/token" && isForm) {
    // Decode ourselves: workerd warns when .text() reads a body whose type is not text/*.
    const form = new URLSearchParams(new TextDecoder().decode(await request.clone().arrayBuffer()));
    if (!remapResource(form, origin)) return request;
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    return new Request(request.url, { method: "POST", headers, body: form.toString() });
  }
  return request;
}

/** The root metadata document: the provider's /mcp document, naming the origin as its resource. */
async function describeOrigin(response: Response, origin: string): Promise<Response> {
  if (response.status !== 200) return response;
  const metadata = (await response.json()) as Record<string, unknown>;
  return Response.json({ ...metadata, resource: origin }, { status: 200, headers: response.headers });
}

/** A 401 to POST / points at the root document, whose resource matches the URL the client holds. */
function pointChallengeAtRoot(response: Response, origin: string): Response {
  const challenge = response.headers.get("www-authenticate");
  const pathDocument = `${origin}${PRM_ROOT}${MCP_PATH}`;
  if (response.status !== 401 || !challenge?.includes(pathDocument)) return response;
  const headers = new Headers(response.headers);
  headers.set("www-authenticate", challenge.replace(pathDocument, `${origin}${PRM_ROOT}`));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The request the provider sees. Its host is the configured origin (WORKER_URL names issuer and
 * resource whatever hostname routed the request here). POST / is /mcp, the root RFC 9728
 * document is built from /mcp's, and an origin `resource` is read as <origin>/mcp.
 */
export async function toProviderRequest(request: Request, origin: string): Promise<Request> {
  const url = new URL(request.url);
  let path = url.pathname;
  if (request.method === "POST" && path === "/") path = MCP_PATH;
  else if (path === PRM_ROOT) path = `${PRM_ROOT}${MCP_PATH}`;
  const aliased =
    path === url.pathname && url.origin === origin ? request : new Request(`${origin}${path}${url.search}`, request);
  return mapOriginResource(aliased, origin);
}

/** The provider's answer as the client asked for it: the root document names the origin, a POST / challenge points at it. */
export async function toClientResponse(request: Request, response: Response, origin: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === PRM_ROOT) return describeOrigin(response, origin);
  if (request.method === "POST" && url.pathname === "/") return pointChallengeAtRoot(response, origin);
  return response;
}

/**
 * Anything but POST at the base URL (a browser, a GET stream attempt) is refused the way the MCP
 * endpoint refuses it (405: no SSE stream, no sessions), naming where to connect instead.
 */
export function describeBaseUrl(origin: string): Response {
  const body = {
    name: SERVER_INFO.name,
    version: SERVER_INFO.version,
    mcp_endpoint: `${origin}${MCP_PATH}`,
    message: "This is a remote MCP server: connect an MCP client to mcp_endpoint (POST).",
  };
  return Response.json(body, { status: 405, headers: { allow: "POST" } });
}
