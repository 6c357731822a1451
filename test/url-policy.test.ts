// URL policy: https everywhere, plain http only on loopback; one definition of loopback shared by
// the Attio base URLs, WORKER_URL, redirect URIs and the /mcp Origin check.
import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "../src/mcp/origin";
import { checkBaseUrl, isHttpsOrLoopback, isLoopback } from "../src/url-policy";

describe("isLoopback", () => {
  it.each(["localhost", "127.0.0.1", "127.1.2.3", "[::1]"])("%s is loopback", (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(["example.com", "128.0.0.1", "127.0.0.1.example.com", "localhost.example.com", "::1", "0.0.0.0"])(
    "%s is not",
    (host) => expect(isLoopback(host)).toBe(false),
  );
});

describe("isHttpsOrLoopback", () => {
  it.each([
    ["https://example.com", true],
    ["http://127.0.0.1:8787", true],
    ["http://localhost", true],
    ["http://example.com", false],
    ["ftp://127.0.0.1", false],
  ])("%s → %s", (url, expected) => expect(isHttpsOrLoopback(new URL(url))).toBe(expected));
});

describe("the /mcp Origin check uses the same loopback", () => {
  it("a loopback page may call a loopback server on any 127/8 address (local development)", () => {
    expect(isAllowedOrigin("http://127.0.0.2:6274", "http://127.0.0.1:8787")).toBe(true);
    expect(isAllowedOrigin("http://localhost:6274", "http://[::1]:8787")).toBe(true);
  });
  it("a loopback page may not call a deployed server", () => {
    expect(isAllowedOrigin("http://127.0.0.1:6274", "https://attio-mcp.example.workers.dev")).toBe(false);
  });
});

describe("checkBaseUrl", () => {
  it.each([
    ["https://api.attio.com/", "https://api.attio.com"],
    ["http://127.0.0.1:8788", "http://127.0.0.1:8788"],
    ["http://localhost:1234", "http://localhost:1234"],
  ])("accepts %s", (input, output) => expect(checkBaseUrl(input, "ATTIO_API_BASE")).toBe(output));

  it.each(["http://api.attio.com", "ftp://x", "not a url"])("refuses %s naming the setting", (input) => {
    expect(() => checkBaseUrl(input, "ATTIO_API_BASE")).toThrow(/ATTIO_API_BASE/);
  });
});
