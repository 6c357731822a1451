// Reading a body without letting its sender choose how much memory we spend: the declared
// Content-Length is checked before anything is read, then the stream itself, which may lie or be
// chunked (RFC 9110 §8.6, §15.5.14). Shared by /mcp, the OAuth form endpoints and CIMD fetches.

/** The whole body, or undefined (the stream cancelled) as soon as it is known to exceed `limit` bytes. */
export async function readAtMost(message: Request | Response, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(message.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > limit) {
    await message.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!message.body) return new Uint8Array();
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
