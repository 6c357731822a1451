// AES-256-GCM seal/open for the Attio token under TOKEN_ENCRYPTION_KEY, so that what sits in a
// grant's props is useless without the Worker's secret (README "KV layout").

const VERSION = "v1";
/** NIST SP 800-38D §8.2: a 96-bit IV, fresh for every seal under one key. */
const IV_BYTES = 12;

/** Opening failed: wrong key, or the value was altered. Its message names the setting and never a value. */
export class SealError extends Error {
  override name = "SealError";
  constructor() {
    super(
      "Token decryption failed: a stored Attio token could not be opened with TOKEN_ENCRYPTION_KEY. " +
        "Check that TOKEN_ENCRYPTION_KEY is set and matches the key in use when this connection signed in; " +
        "otherwise sign in again.",
    );
  }
}

/**
 * Seals `plaintext`; `context` is bound as additional authenticated data (e.g. the workspace id),
 * so a sealed value moved to another grant does not open.
 */
export async function seal(plaintext: string, keyHex: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: aad(context) },
    await importKey(keyHex),
    new TextEncoder().encode(plaintext),
  );
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/** Opens a value from `seal`; throws SealError (never the cause, which could carry data) on any failure. */
export async function open(value: string, keyHex: string, context: string): Promise<string> {
  const [version, iv, body] = value.split(".");
  if (version !== VERSION || !iv || !body) throw new SealError();
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: aad(context) },
      await importKey(keyHex),
      fromBase64Url(body),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SealError();
  }
}

/** 64 hex characters, i.e. a 256-bit key (config.ts checks the shape before anything seals). */
export function isKeyHex(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value);
}

function importKey(keyHex: string): Promise<CryptoKey> {
  if (!isKeyHex(keyHex)) throw new SealError();
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(keyHex.slice(i * 2, i * 2 + 2), 16);
  return crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
}

function aad(context: string): Uint8Array {
  return new TextEncoder().encode(`attio-mcp:${VERSION}:${context}`);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
