// Bounds on what a client may register (RFC 7591 §2): everything here is attacker-chosen, stored
// for 90 days and shown on the consent page, so names are short and free of invisible or
// direction-changing characters, and redirect URIs are few and short.
import { remoteHttpRedirect } from "./redirect";

const MAX_CLIENT_NAME_CHARS = 100;
const MAX_REDIRECT_URIS = 5;
const MAX_URI_CHARS = 512;
/** The whole registration document, as JSON; Claude's and ChatGPT's are under 400 bytes. */
const MAX_METADATA_BYTES = 4096;

/** Controls, format characters (bidi overrides, zero-width joiners, BOM) and line/paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Fields shown to the user or fetched later: each a bounded https-or-loopback-looking string. */
const URI_FIELDS = ["client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri"] as const;

export interface MetadataRefusal {
  code: "invalid_client_metadata" | "invalid_redirect_uri";
  description: string;
}

/** RFC 7591 §3.2.2: the first problem found, as the error the client gets; undefined when acceptable. */
export function refuseClientMetadata(metadata: Record<string, unknown>): MetadataRefusal | undefined {
  const size = new TextEncoder().encode(JSON.stringify(metadata)).byteLength;
  if (size > MAX_METADATA_BYTES)
    return invalid(`Client metadata is ${size} bytes; at most ${MAX_METADATA_BYTES} are accepted`);
  const name = metadata.client_name;
  if (name !== undefined) {
    if (typeof name !== "string" || name.trim() === "") return invalid("client_name must be a non-empty string");
    if ([...name].length > MAX_CLIENT_NAME_CHARS)
      return invalid(`client_name must be at most ${MAX_CLIENT_NAME_CHARS} characters`);
    if (INVISIBLE.test(name))
      return invalid("client_name must not contain control, bidirectional or zero-width characters");
  }
  for (const field of URI_FIELDS) {
    const value = metadata[field];
    if (value !== undefined && (typeof value !== "string" || value.length > MAX_URI_CHARS))
      return invalid(`${field} must be a URI of at most ${MAX_URI_CHARS} characters`);
  }
  const uris = metadata.redirect_uris;
  if (Array.isArray(uris)) {
    if (uris.length > MAX_REDIRECT_URIS) return redirectProblem(`Register at most ${MAX_REDIRECT_URIS} redirect URIs`);
    if (uris.some((uri) => typeof uri !== "string" || uri.length > MAX_URI_CHARS || INVISIBLE.test(uri)))
      return redirectProblem(`Each redirect URI must be at most ${MAX_URI_CHARS} printable characters`);
  }
  if (remoteHttpRedirect(uris) !== undefined)
    return redirectProblem("Redirect URIs must use https, or http on 127.0.0.1/localhost/[::1]");
  return undefined;
}

/**
 * What the consent page shows as a client's name: the same rules applied to a name that came
 * from a Client ID Metadata Document (fetched, not registered), by removing and shortening.
 */
export function displayName(name: string): string {
  const visible = [...name.replace(new RegExp(INVISIBLE.source, "gu"), "")];
  const shown =
    visible.length > MAX_CLIENT_NAME_CHARS ? `${visible.slice(0, MAX_CLIENT_NAME_CHARS).join("")}…` : visible.join("");
  return shown.trim() === "" ? "An unnamed app" : shown;
}

function invalid(description: string): MetadataRefusal {
  return { code: "invalid_client_metadata", description };
}

function redirectProblem(description: string): MetadataRefusal {
  return { code: "invalid_redirect_uri", description };
}
