// AES-256-GCM sealing of the Attio token: round trip, a fresh IV every time, bound to its
// workspace, and a wrong key is a SealError naming TOKEN_ENCRYPTION_KEY (never a value).
import { describe, expect, it } from "vitest";
import { SealError, isKeyHex, open, seal } from "../../src/store/seal";

const KEY = "0123456789abcdef".repeat(4);
const OTHER = "fedcba9876543210".repeat(4);

describe("seal", () => {
  it("round-trips and never contains the plaintext", async () => {
    const sealed = await seal("attio-secret-token", KEY, "ws1");
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain("attio-secret-token");
    expect(await open(sealed, KEY, "ws1")).toBe("attio-secret-token");
  });

  it("uses a fresh 96-bit IV for every seal", async () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 20; i++) ivs.add((await seal("same", KEY, "ws1")).split(".")[1]!);
    expect(ivs.size).toBe(20);
  });

  it.each([
    ["another key", OTHER, "ws1", (s: string) => s],
    ["another workspace (additional data)", KEY, "ws2", (s: string) => s],
    [
      "a flipped ciphertext byte",
      KEY,
      "ws1",
      (s: string) => s.slice(0, -2) + (s.at(-2) === "A" ? "B" : "A") + s.at(-1),
    ],
    ["an unknown version", KEY, "ws1", (s: string) => s.replace(/^v1/, "v9")],
    ["garbage", KEY, "ws1", () => "v1.%%%.%%%"],
  ])("refuses %s with a SealError naming TOKEN_ENCRYPTION_KEY", async (_name, key, context, alter) => {
    const sealed = alter(await seal("attio-secret-token", KEY, "ws1"));
    const failure = await open(sealed, key, context).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SealError);
    expect((failure as Error).message).toContain("Token decryption failed");
    expect((failure as Error).message).toContain("TOKEN_ENCRYPTION_KEY");
    expect((failure as Error).message).not.toContain(key);
  });

  it("accepts only 64 hex characters as a key", () => {
    expect(isKeyHex(KEY)).toBe(true);
    expect(isKeyHex(KEY.toUpperCase())).toBe(true);
    expect(isKeyHex(KEY.slice(1))).toBe(false);
    expect(isKeyHex("g".repeat(64))).toBe(false);
  });
});
