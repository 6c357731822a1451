// Worker settings shared by the workerd test project and the Node-side Miniflare harness.
// These are test-only values for the local sandbox; nothing here is a real secret.
export const TEST_BINDINGS = {
  ATTIO_CLIENT_ID: "sandbox-client-id",
  ATTIO_CLIENT_SECRET: "sandbox-client-secret",
  TOKEN_ENCRYPTION_KEY: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
} as const;
