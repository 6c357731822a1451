// Values that came from a request (a client_id, a URL, an exception's message) go into log lines
// only through here: quoted as JSON, so a newline or control character cannot forge a line
// (OWASP Logging Cheat Sheet, "Event data sources": encode untrusted data), and shortened.

const MAX_LOGGED_CHARS = 200;

export function logValue(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}…` : text);
}
