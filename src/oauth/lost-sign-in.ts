// Why a consent form or a return from Attio no longer finds its sign-in, in words that say what
// to do next: expired (10 minutes), already used (sent twice, or reopened from history), or the
// browser did not send back the cookie that binds it (another browser, or cookies blocked).
// The library refuses all three alike; this tells them apart on that error path only.
import type { ProviderEnv } from "../env";

/** The library's transaction lifetime (README "KV layout": transaction:{sha256(handle)}, 600 s). */
const SIGN_IN_TTL_SECONDS = 600;

export interface Explanation {
  title: string;
  message: string;
}

const START_AGAIN = "Go back to the app you were connecting (Claude, ChatGPT, …) and connect again.";

/**
 * `handle` is the consent handle or Attio's `state`; `issuedAt` is when our consent page was
 * shown (seconds), when known. One KV read, on this error path only.
 */
export async function explainLostSignIn(env: ProviderEnv, handle: string, issuedAt?: number): Promise<Explanation> {
  if (!handle)
    return {
      title: "This sign-in link is incomplete",
      message: `It does not name a sign-in in progress. ${START_AGAIN}`,
    };
  const now = Math.floor(Date.now() / 1000);
  if (issuedAt !== undefined && Number.isFinite(issuedAt) && now - issuedAt >= SIGN_IN_TTL_SECONDS)
    return {
      title: "This sign-in page expired",
      message: `Sign-in pages are valid for ${SIGN_IN_TTL_SECONDS / 60} minutes. ${START_AGAIN}`,
    };
  const pending = await env.OAUTH_KV.get(`transaction:${await sha256Hex(handle)}`);
  if (pending === null)
    return {
      title: "This sign-in was already used or has expired",
      message:
        "Each sign-in page works once and for 10 minutes; this one was already sent (perhaps twice, or reopened " +
        `from the browser history) or is too old. If the app does not show you as connected: ${START_AGAIN}`,
    };
  return {
    title: "This sign-in was started in another browser",
    message:
      "Your browser did not send back the cookie this sign-in set, so it cannot be finished here. Finish it in the " +
      "browser where you started, or allow cookies for this site. " +
      START_AGAIN,
  };
}

async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
