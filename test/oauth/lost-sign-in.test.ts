// A consent form or a return from Attio that no longer finds its sign-in says which of three
// things happened and what to do next: the page expired, it was already used, or this browser
// did not send back the sign-in's cookie. Each is our own page (never a redirect), phone-ready.
import { beforeAll, describe, expect, it } from "vitest";
import { sandbox, WORKER } from "../helpers";
import {
  authorizeUrl,
  Browser,
  consentHandle,
  expectRedirect,
  pkce,
  postConsent,
  registerClient,
  toCallback,
} from "./flow";

beforeAll(() => sandbox.reset());

async function consentPage(): Promise<{ browser: Browser; handle: string; issued: string }> {
  const browser = new Browser();
  const clientId = await registerClient();
  const { challenge } = await pkce();
  const html = await (await browser.fetch(authorizeUrl({ client_id: clientId, code_challenge: challenge }))).text();
  const issued = /name="issued" value="(\d+)"/.exec(html)![1]!;
  return { browser, handle: consentHandle(html), issued };
}

function submit(browser: Browser, form: Record<string, string>): Promise<Response> {
  return browser.fetch(`${WORKER}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

async function expectPage(response: Response, title: string, next: RegExp): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get("location")).toBeNull();
  const html = await response.text();
  expect(html).toContain(`<h1>${title}</h1>`);
  expect(html).toMatch(next);
  expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
  expect(html).toContain(`Request id: <code>${response.headers.get("x-request-id")}</code>`);
  expect(html).not.toContain("not started in this browser");
}

describe("the consent form", () => {
  it("sent twice: already used", async () => {
    const { browser, handle } = await consentPage();
    expectRedirect(await postConsent(browser, handle));
    await expectPage(
      await postConsent(browser, handle),
      "This sign-in was already used or has expired",
      /connect again/,
    );
  });

  it.each(["approve", "deny"])("%s from another browser (no cookie): says so and what to do", async (decision) => {
    const { handle, issued } = await consentPage();
    await expectPage(
      await submit(new Browser(), { handle, issued, decision }),
      "This sign-in was started in another browser",
      /Finish it in the browser where you started, or allow cookies/,
    );
  });

  it("after 10 minutes (its cookie gone with it): expired", async () => {
    const { handle } = await consentPage();
    const tenMinutesAgo = String(Math.floor(Date.now() / 1000) - 601);
    await expectPage(
      await submit(new Browser(), { handle, issued: tenMinutesAgo, decision: "approve" }),
      "This sign-in page expired",
      /valid for 10 minutes\. Go back to the app you were connecting .* and connect again/,
    );
  });

  it("with no handle: incomplete", async () => {
    await expectPage(
      await submit(new Browser(), { decision: "approve" }),
      "This sign-in link is incomplete",
      /connect again/,
    );
  });
});

describe("the return from Attio", () => {
  it("opened twice (back button after signing in): already used", async () => {
    const at = await toCallback();
    expectRedirect(await at.browser.fetch(at.callback));
    await expectPage(
      await at.browser.fetch(at.callback),
      "This sign-in was already used or has expired",
      /connect again/,
    );
  });

  it("opened in another browser: says so", async () => {
    const at = await toCallback();
    await expectPage(
      await new Browser().fetch(at.callback),
      "This sign-in was started in another browser",
      /allow cookies/,
    );
  });
});
