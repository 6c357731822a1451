// What a /v2 handler receives. Bodies are already validated against the operation's spec
// schema by the time a handler runs, which is why `body` may be read without re-checking shape.
import { AttioError } from "./errors";
import type { Actor, Workspace } from "./types";
import { attioTime } from "./util";
import type { WriteCtx } from "./values";

export interface TokenInfo {
  token: string;
  workspace_id: string;
  member_id: string;
  client_id: string;
  scope: string;
  iat: number;
  /** API keys act as "api-token", OAuth grants as "app" */
  actor: Actor;
}

export interface Ctx {
  ws: Workspace;
  token: TokenInfo;
  params: Record<string, string>;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: schema-validated JSON
  body: any;
  /** A "202" fault aimed at this request (merge answers asynchronously). */
  accepted?: { reads: number };
}

/** A handler's answer with a status other than 200 (merge's 202). */
export class StatusReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** A handler returns the JSON body of a 200 answer (or a StatusReply, maybe async), or throws AttioError. */
export type Handler = (ctx: Ctx) => unknown;

/**
 * 403 unless the token holds every scope; `x:read-write` covers `x:read`. Attio lists each
 * operation's scopes as "Required scopes" in its description (attio-openapi.json).
 */
export function requireScopes(ctx: Ctx, ...needed: string[]): void {
  const granted = new Set(ctx.token.scope.split(" "));
  const missing = needed.filter((s) => !granted.has(s) && !(s.endsWith(":read") && granted.has(`${s}-write`)));
  if (missing.length > 0)
    throw new AttioError(
      403,
      "auth_error",
      "unauthorized",
      `The access token is missing the required scope(s): ${missing.join(", ")}.`,
    );
}

export function writeCtx(ctx: Ctx): WriteCtx {
  return { ws: ctx.ws, actor: ctx.token.actor, now: attioTime() };
}
