// Each MCP Apps view is one small, self-contained HTML document that can reach nothing but its host.
import { describe, expect, it } from "vitest";
import { UI_RESOURCES } from "../../src/ui/resources";

/** Per page, gzip: a view must stay a small part of the Worker bundle (budget: 100 KiB for everything). */
const MAX_GZIP_BYTES = 6 * 1024;

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe.each(UI_RESOURCES.map((resource) => [resource.uri, resource] as const))("%s", (_uri, resource) => {
  const html = resource.text;

  it("is one HTML5 document with everything inline", () => {
    expect(html).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
    expect(html.endsWith("</body></html>")).toBe(true);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html.match(/<script>/g)).toHaveLength(1);
    // No remote script, style, image, font or frame; no absolute URL anywhere in the page.
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9-]+\.[a-z]/i);
    // String.raw page scripts: a stray "${" would have been interpolated by TypeScript, not shipped.
    expect(html).not.toContain("${");
  });

  it("declares a CSP that allows no network access, as its resource _meta does", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(resource._meta.ui.csp).toEqual({ connectDomains: [], resourceDomains: [] });
  });

  it("puts Attio's values in the page only as text (no innerHTML, no document.write, no eval)", () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });

  it(`stays under ${MAX_GZIP_BYTES} bytes gzip`, async () => {
    expect(await gzipSize(html)).toBeLessThan(MAX_GZIP_BYTES);
  });
});
