// A minimal MCP Apps host in headless Chromium: the ext-apps SDK's own AppBridge (the host side
// of the protocol) in a page that embeds one ui:// view in a sandboxed iframe, feeds it a tool's
// input and result, and hands every tools/call the view makes to Node, which records it and
// forwards it to the real Worker through the official MCP SDK client.
import type { McpUiHostContext } from "@modelcontextprotocol/ext-apps/app-bridge";
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
  /** What the view told the model through ui/update-model-context. */
  modelContext: string[];
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

/**
 * One host page per browser, reused for every view: each hostView() tears down the previous
 * view's iframe and bridge and mounts a fresh one (the bridge bundle is parsed once).
 */
export class Host {
  private current: HostedView | undefined;
  private currentOptions: ViewOptions | undefined;

  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<Host> {
    const page = await browser.newPage();
    const host = new Host(page);
    page.on("console", (message) => {
      if (message.type() === "error") host.current?.errors.push(message.text());
    });
    page.on("pageerror", (error) => host.current?.errors.push(error.message));
    await page.exposeFunction("hostCallTool", async (call: ToolCall) => {
      host.current?.calls.push(call);
      return host.currentOptions!.callTool(call);
    });
    await page.exposeFunction("hostOpenLink", (url: string) => {
      host.current?.openedLinks.push(url);
    });
    await page.exposeFunction("hostModelContext", (text: string) => {
      host.current?.modelContext.push(text);
    });
    await page.setContent(
      "<!doctype html><html><head><style>body{margin:16px;background:#fafafa}" +
        "@media (prefers-color-scheme:dark){body{background:#111}}" +
        "iframe{border:1px solid #8884;border-radius:8px;width:100%;height:200px;display:block}</style></head>" +
        `<body><script>${await bundleBridge()}</script></body></html>`,
    );
    return host;
  }

  /** Mounts the view at the given width and theme, and waits until it has the tool's input and result. */
  async hostView(options: ViewOptions): Promise<HostedView> {
    const page = this.page;
    this.currentOptions = options;
    this.current = {
      page,
      frame: page.frameLocator("#view"),
      calls: [],
      openedLinks: [],
      modelContext: [],
      errors: [],
    };
    await page.setViewportSize({ width: options.width, height: 900 });
    await page.emulateMedia({ colorScheme: options.theme });
    await page.evaluate(
      ({ html, toolName, args, result, theme, width }) => {
        const { AppBridge, PostMessageTransport } = (globalThis as any).McpAppsHost;
        const previous = (globalThis as any).bridge;
        if (previous) previous.close();
        document.getElementById("view")?.remove();
        delete document.body.dataset.initialized;
        const iframe = document.createElement("iframe");
        iframe.id = "view";
        // MCP Apps "Iframe Sandboxing": scripts only; the view gets an opaque origin and no popups.
        iframe.setAttribute("sandbox", "allow-scripts");
        document.body.append(iframe);
        const hostContext: McpUiHostContext = {
          toolInfo: { tool: { name: toolName, inputSchema: { type: "object" } } },
          theme,
          displayMode: "inline",
          locale: "en-US",
          containerDimensions: { maxWidth: width },
        };
        const bridge = new AppBridge(
          null,
          { name: "test-host", version: "1.0.0" },
          { openLinks: {}, serverTools: {}, updateModelContext: { text: {} } },
          { hostContext },
        );
        (globalThis as any).bridge = bridge;
        bridge.oncalltool = (params: unknown) => (window as any).hostCallTool(params);
        bridge.onopenlink = async ({ url }: { url: string }) => {
          await (window as any).hostOpenLink(url);
          return {};
        };
        bridge.onupdatemodelcontext = async (params: { content?: { text?: string }[] }) => {
          await (window as any).hostModelContext(params.content?.map((c) => c.text).join(" ") ?? "");
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
    return this.current;
  }
}
