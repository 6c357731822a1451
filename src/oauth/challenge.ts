// 401 answers at /mcp: the Bearer challenge that points clients at our metadata (RFC 6750 §3,
// RFC 9728 §5.1), always with a JSON body so clients and people can read why.
import { resourceMetadataUrl } from "./provider";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

/** RFC 6750 §3.1 invalid_token: the client should get a new token, here by signing in again. */
export function invalidToken(origin: string, description: string): Response {
  const challenge =
    `Bearer realm="OAuth", resource_metadata="${resourceMetadataUrl(origin)}", error="invalid_token", ` +
    `error_description="${description.replace(/["\\]/g, "'")}"`;
  return Response.json(
    { error: "invalid_token", error_description: description },
    { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": challenge } },
  );
}

/**
 * The library answers a request without a token with an empty 401 (RFC 6750 §3.1: no error
 * code when no credentials were sent). Add a JSON body that says what to do; keep the headers.
 */
export function withChallengeBody(response: Response): Response {
  if (response.status !== 401 || !response.headers.has("WWW-Authenticate") || response.body !== null) return response;
  const headers = new Headers(response.headers);
  headers.set("Content-Type", "application/json");
  const body = {
    error: "unauthorized",
    error_description:
      "Sign in required: this MCP server accepts only its own OAuth access tokens " +
      "(see WWW-Authenticate resource_metadata).",
  };
  return new Response(JSON.stringify(body), { status: 401, headers });
}
