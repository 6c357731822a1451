// The sandbox HTTP server: control endpoints (/__sandbox/*), Attio's OAuth pages, and the /v2
// API. Order per request: control → record → fault → OAuth → auth → route → validate → handle.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { TokenRegistry } from "./auth";
import { AttioError, notFound, OAuthError } from "./errors";
import { faultReply, Faults } from "./faults";
import { StatusReply } from "./context";
import { parseBody, readBody, send, type Reply } from "./http";
import { OAuthPages, oauthErrorReply } from "./oauth";
import { matchRoute } from "./routes";
import { setSqlTimeout } from "./sql";
import { validateRequestBody } from "./spec";
import type { RecordedRequest, Workspace } from "./types";
import { buildWorkspaces } from "./workspace";

export class SandboxServer {
  workspaces: Map<string, Workspace> = buildWorkspaces();
  readonly tokens = new TokenRegistry();
  readonly oauth = new OAuthPages(this.tokens);
  readonly faults = new Faults();
  requests: RecordedRequest[] = [];
  /** Responses held open by "hang" faults; destroyed on reset and close. */
  private readonly hanging = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();
  readonly http: Server;

  constructor(private readonly quiet = true) {
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!this.quiet) console.error("[sandbox] unhandled", err);
        if (!res.headersSent)
          send(res, {
            status: 500,
            body: { status_code: 500, type: "api_error", code: "internal_error", message: String(err) },
          });
      });
    });
    this.http.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
  }

  reset(): void {
    this.workspaces = buildWorkspaces();
    setSqlTimeout(undefined);
    this.faults.clear();
    this.requests = [];
    this.tokens.clearRevocations();
    this.releaseHanging();
  }

  private releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  /** Stops listening and drops every connection, including hung ones, so close never stalls. */
  async close(): Promise<void> {
    this.releaseHanging();
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const method = (req.method ?? "GET").toUpperCase();
    const contentType = req.headers["content-type"];
    const { body, invalid } = parseBody(await readBody(req), contentType);

    if (url.pathname.startsWith("/__sandbox/")) return send(res, this.control(method, url.pathname, body));

    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { authorization: req.headers.authorization, content_type: contentType },
      body,
    });
    const fault = this.faults.take(url.pathname);
    if (fault?.mode === "hang") {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (fault && fault.mode !== "202") return send(res, faultReply(fault));
    if (!this.quiet) console.log(`[sandbox] ${method} ${url.pathname}${url.search}`);

    try {
      const accepted = fault ? { reads: fault.reads } : undefined;
      send(res, await this.dispatch(method, url, req.headers.authorization, body, invalid, accepted));
    } catch (e) {
      if (e instanceof OAuthError) return send(res, oauthErrorReply(e));
      if (e instanceof AttioError) return send(res, { status: e.status, body: e.toBody(), headers: e.headers });
      throw e;
    }
  }

  private async dispatch(
    method: string,
    url: URL,
    authorization: string | undefined,
    body: unknown,
    invalid: boolean,
    accepted: { reads: number } | undefined,
  ): Promise<Reply> {
    const path = url.pathname;
    if (method === "GET" && path === "/authorize") return this.oauth.authorize(url.searchParams);
    if (method === "POST" && path === "/oauth/token") return this.oauth.token(body, authorization);
    if (method === "POST" && path === "/oauth/revoke") return this.oauth.revoke(body);

    const token = this.tokens.authenticate(authorization);
    const ws = this.workspaces.get(token.workspace_id)!;
    const match = matchRoute(method, path);
    if (!match) throw notFound(`No route matches ${method} ${path}.`);
    if (invalid)
      throw new AttioError(
        400,
        "invalid_request_error",
        "validation_type",
        "Body payload validation error: the body is not valid JSON.",
      );
    // An absent body reads as {} (Attio accepts a bare POST to the query endpoints).
    const input = body ?? {};
    if (method !== "GET" && method !== "DELETE") validateRequestBody(match.route.path, method, input);
    const ctx = { ws, token, params: match.params, query: url.searchParams, body: input, accepted };
    const data = await match.route.handler(ctx);
    if (data instanceof StatusReply) return { status: data.status, body: data.body };
    return { status: 200, body: data };
  }

  private control(method: string, path: string, body: unknown): Reply {
    const input = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const ok = (extra: Record<string, unknown> = {}): Reply => ({ status: 200, body: { ok: true, ...extra } });
    switch (`${method} ${path}`) {
      case "POST /__sandbox/reset":
        this.reset();
        return ok();
      case "POST /__sandbox/fault":
        try {
          return ok({ fault: this.faults.add(input) });
        } catch (e) {
          return { status: 400, body: { ok: false, error: (e as Error).message } };
        }
      case "GET /__sandbox/requests":
        return { status: 200, body: this.requests };
      case "DELETE /__sandbox/requests":
        this.requests = [];
        return ok();
      case "POST /__sandbox/revoke":
        if (typeof input.token !== "string")
          return { status: 400, body: { ok: false, error: "token (string) is required" } };
        this.tokens.revoke(input.token);
        return ok();
      case "POST /__sandbox/scopes":
        if (typeof input.token !== "string" || typeof input.scope !== "string")
          return { status: 400, body: { ok: false, error: "token and scope (space-separated string) are required" } };
        this.tokens.narrow(input.token, input.scope);
        return ok();
      case "POST /__sandbox/sql-timeout":
        if (typeof input.ms !== "number" || input.ms < 0)
          return { status: 400, body: { ok: false, error: "ms (a non-negative number) is required" } };
        setSqlTimeout(input.ms);
        return ok();
      case "GET /__sandbox/state":
        return { status: 200, body: this.describe() };
      default:
        return { status: 404, body: { ok: false, error: `unknown control endpoint ${method} ${path}` } };
    }
  }

  private describe() {
    return {
      workspaces: [...this.workspaces.values()].map((ws) => ({
        id: ws.info.id,
        slug: ws.info.slug,
        name: ws.info.name,
        counts: {
          records: ws.records.size,
          entries: ws.entries.size,
          notes: ws.notes.size,
          tasks: ws.tasks.size,
          threads: ws.threads.size,
          comments: ws.comments.size,
          meetings: ws.meetings.size,
        },
      })),
      faults: this.faults.pending(),
      recorded_requests: this.requests.length,
      hanging_requests: this.hanging.size,
    };
  }
}
