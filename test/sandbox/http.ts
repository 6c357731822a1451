// node:http plumbing: read and parse request bodies, write JSON answers.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses JSON or form bodies; `invalid` marks text that claimed to be JSON but is not. */
export function parseBody(raw: string, contentType: string | undefined): { body: unknown; invalid: boolean } {
  if (raw.trim() === "") return { body: null, invalid: false };
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    return { body: Object.fromEntries(new URLSearchParams(raw)), invalid: false };
  }
  try {
    return { body: JSON.parse(raw) as unknown, invalid: false };
  } catch {
    return { body: raw, invalid: true };
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = "";
  if (reply.body !== undefined) {
    payload = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    headers["content-type"] ??=
      typeof reply.body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
