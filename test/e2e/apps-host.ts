// A minimal MCP Apps host in headless Chromium: the ext-apps SDK's own AppBridge (the host side
// of the protocol) in a page that embeds one ui:// view in a sandboxed iframe, feeds it a tool's
// input and result, and hands every tools/call the view makes to Node, which records it and
// forwards it to the real Worker through the official MCP SDK client.
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium, as .ci/run installs it; flags keep it offline and quiet. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

let bridgeBundle: Promise<string> | undefined;

/** The SDK's host bridge bundled for the browser once per run (it is an ES module with npm imports). */
function bundleBridge(): Promise<string> {
  bridgeBundle ??= build({
    stdin: {
      contents:
        'import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";\n' +
        "globalThis.McpAppsHost = { AppBridge, PostMessageTransport };",
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    minify: true,
    write: false,
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]!.text);
  return bridgeBundle;
}

export interface ToolCall {
  name: string;
  arguments?: Record<string, unknown>;
}

export interface ToolResult {
  content: { type: string; text?: string }[];
  structuredContent?: unknown;
  isError?: boolean;
}

export interface ViewOptions {
  /** The ui:// resource's HTML, as resources/read returned it. */
  html: string;
  toolName: string;
  args: Record<string, unknown>;
  result: ToolResult;
  theme: "light" | "dark";
  width: number;
  /** Answers the view's tools/call (the host's own confirmation step included); throwing refuses it. */
  callTool(call: ToolCall): Promise<ToolResult>;
}

export interface HostedView {
  page: Page;
  /** The view's document inside the sandboxed iframe. */
  frame: ReturnType<Page["frameLocator"]>;
  calls: ToolCall[];
  openedLinks: string[];
  /** Console errors and uncaught exceptions from the host page and the view. */
  errors: string[];
}

/** Resizes the host and tells the view its new width and theme (ui/notifications/host-context-changed). */
export async function changeHost(view: HostedView, width: number, theme: "light" | "dark"): Promise<void> {
  await view.page.setViewportSize({ width, height: 900 });
  await view.page.emulateMedia({ colorScheme: theme });
  await view.page.evaluate(
    ({ width, theme }) =>
      (globalThis as any).bridge.sendHostContextChange({ theme, containerDimensions: { maxWidth: width } }),
    { width, theme },
  );
  await view.frame.locator(`html[data-theme=${theme}]`).waitFor();
}

/** Opens the view in a fresh page at the given width and theme, and waits for its handshake. */
export async function hostView(browser: Browser, options: ViewOptions): Promise<HostedView> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: 900 },
    colorScheme: options.theme,
  });
  const hosted: HostedView = { page, frame: page.frameLocator("#view"), calls: [], openedLinks: [], errors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") hosted.errors.push(message.text());
  });
  page.on("pageerror", (error) => hosted.errors.push(error.message));
  await page.exposeFunction("hostCallTool", async (call: ToolCall) => {
    hosted.calls.push(call);
    return options.callTool(call);
  });
  await page.exposeFunction("hostOpenLink", (url: string) => {
    hosted.openedLinks.push(url);
  });
  const background = options.theme === "dark" ? "#111" : "#fafafa";
  await page.setContent(
    `<!doctype html><html><head><style>body{margin:16px;background:${background}}` +
      "iframe{border:1px solid #8884;border-radius:8px;width:100%;height:200px;display:block}</style></head>" +
      `<body><script>${await bundleBridge()}</script></body></html>`,
  );
  await page.evaluate(
    ({ html, toolName, args, result, theme, width }) => {
      const { AppBridge, PostMessageTransport } = (globalThis as any).McpAppsHost;
      const iframe = document.createElement("iframe");
      iframe.id = "view";
      // MCP Apps "Iframe Sandboxing": scripts only; the view gets an opaque origin and no popups.
      iframe.setAttribute("sandbox", "allow-scripts");
      document.body.append(iframe);
      const bridge = new AppBridge(
        null,
        { name: "test-host", version: "1.0.0" },
        { openLinks: {}, serverTools: {} },
        { hostContext: { theme, displayMode: "inline", locale: "en-US", containerDimensions: { maxWidth: width } } },
      );
      (window as any).bridge = bridge;
      bridge.oncalltool = (params: unknown) => (window as any).hostCallTool(params);
      bridge.onopenlink = async ({ url }: { url: string }) => {
        await (window as any).hostOpenLink(url);
        return {};
      };
      bridge.onsizechange = ({ height }: { height?: number }) => {
        if (height) iframe.style.height = `${height}px`;
      };
      bridge.oninitialized = async () => {
        await bridge.sendToolInput({ arguments: args });
        await bridge.sendToolResult(result);
        document.body.dataset.initialized = "yes";
      };
      const view = iframe.contentWindow!;
      return bridge.connect(new PostMessageTransport(view, view)).then(() => {
        iframe.srcdoc = html;
      });
    },
    {
      html: options.html,
      toolName: options.toolName,
      args: options.args,
      result: options.result,
      theme: options.theme,
      width: options.width,
    },
  );
  await page.waitForSelector("body[data-initialized=yes]", { timeout: 10_000 });
  return hosted;
}
