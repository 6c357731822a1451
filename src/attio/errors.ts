// Attio failures as values, and their rendering into text that tells a model what to do next.

export type AttioProblem =
  | { kind: "http"; status: number; type: string; code: string; message: string; retryAfter?: string }
  | { kind: "network"; message: string }
  | { kind: "timeout"; timeoutMs: number }
  /** Refused here, before any request: a path argument that would name another Attio path. */
  | { kind: "path"; name: string; value: string };

/** One class for every Attio failure; the tool registry renders it once. */
export class AttioError extends Error {
  constructor(readonly problem: AttioProblem) {
    super(describeProblem(problem));
    this.name = "AttioError";
  }

  /** Attio rejected the token itself: the grant must be revoked and the client re-authorize. */
  get isUnauthorized(): boolean {
    return this.problem.kind === "http" && this.problem.status === 401;
  }
}

/** Reads Attio's error body ({status_code,type,code,message}); tolerates anything else. */
export function problemFromResponse(response: Response, body: unknown): AttioProblem {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const text = (key: string, fallback: string) =>
    typeof fields[key] === "string" ? (fields[key] as string) : fallback;
  const problem: AttioProblem = {
    kind: "http",
    status: response.status,
    type: text("type", "unknown_error"),
    code: text("code", `http_${response.status}`),
    message: text("message", response.statusText || `Attio answered HTTP ${response.status}`),
  };
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) problem.retryAfter = retryAfter;
  return problem;
}

const HINTS: Record<string, string> = {
  not_found:
    "Check the id or slug: take it from a search or list tool (records_search, objects_list, lists_list, list-notes, tasks_list, comments_list, meetings_list).",
  value_not_found:
    "A value it refers to does not exist: check ids, member ids or emails (members_list) and select or status options (records_discover_attributes).",
  validation_type: "Fix the argument named in the message and call again.",
  filter_error:
    "Check the filter: attribute slugs come from records_discover_attributes; see the tool description for the syntax.",
  missing_value: "Provide the required attribute named in the message.",
  immutable_value: "That attribute cannot be written; leave it out.",
  uniqueness_conflict:
    "A record with that unique value exists; use update-record, or records_upsert with matching_attribute.",
  multiple_match_results: "More than one record matched; use a unique attribute or the record id.",
};

function describeProblem(problem: AttioProblem): string {
  switch (problem.kind) {
    case "path":
      return `"${problem.value}" is not a valid ${problem.name}: use a slug or id (letters, digits, "_" and "-"), e.g. from objects_list or lists_list.`;
    case "timeout":
      return `Attio did not answer within ${Math.round(problem.timeoutMs / 1000)} s. Try again in a moment.`;
    case "network":
      return `Could not reach Attio (${problem.message}). Try again in a moment.`;
    case "http": {
      if (problem.status === 429) {
        const when = problem.retryAfter ? ` after ${problem.retryAfter}` : " in a second";
        return `Attio rate limit reached (100 reads/s, 25 writes/s per workspace). Retry${when}.`;
      }
      if (problem.status === 401) return "Attio no longer accepts this sign-in. Sign in again to reconnect Attio.";
      if (problem.status === 403) {
        return `Attio refused access (${problem.message}). The Attio app may lack the scope for this; ask a workspace admin.`;
      }
      if (problem.status >= 500) return `Attio had an internal error (HTTP ${problem.status}). Try again shortly.`;
      const hint = HINTS[problem.code];
      const message = /[.!?]$/.test(problem.message) ? problem.message : `${problem.message}.`;
      return `Attio rejected the request (${problem.status} ${problem.code}): ${message}${hint ? ` ${hint}` : ""}`;
    }
  }
}
