// What a /v2 handler receives. Bodies are already validated against the operation's spec
// schema by the time a handler runs, which is why `body` may be read without re-checking shape.
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
}

/** A handler returns the JSON body of a 200 answer, or throws AttioError. */
export type Handler = (ctx: Ctx) => unknown;

export function writeCtx(ctx: Ctx): WriteCtx {
  return { ws: ctx.ws, actor: ctx.token.actor, now: attioTime() };
}
