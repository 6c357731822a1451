// The Worker's base URL as a second name for its MCP endpoint. The product brief tells users to
// give Claude and ChatGPT the bare Worker URL, and POST / serves MCP. But RFC 9728 §3.3 has the
// metadata at the root well-known URI name the resource it was derived from (the origin), and MCP
// clients (the official SDK among them) refuse a resource whose path is not a prefix of the URL
// they were given. So the root document names the origin, a POST / challenge points at it, and a
// `resource` of the origin is read as <origin>/mcp (RFC 8707 §2: the authorization server decides
// the audience). Tokens stay bound to <origin>/mcp whichever name the client used.
import { MCP_PATH, resourceFor } from "./provider";

export const PRM_ROOT = "/.well-known/oauth-protected-resource";

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
export async function mapOriginResource(request: Request, origin: string): Promise<Request> {
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
export async function describeOrigin(response: Response, origin: string): Promise<Response> {
  if (response.status !== 200) return response;
  const metadata = (await response.json()) as Record<string, unknown>;
  return Response.json({ ...metadata, resource: origin }, { status: 200, headers: response.headers });
}

/** A 401 to POST / points at the root document, whose resource matches the URL the client holds. */
export function pointChallengeAtRoot(response: Response, origin: string): Response {
  const challenge = response.headers.get("www-authenticate");
  const pathDocument = `${origin}${PRM_ROOT}${MCP_PATH}`;
  if (response.status !== 401 || !challenge?.includes(pathDocument)) return response;
  const headers = new Headers(response.headers);
  headers.set("www-authenticate", challenge.replace(pathDocument, `${origin}${PRM_ROOT}`));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
