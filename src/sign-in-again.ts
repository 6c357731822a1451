// "This connection must sign in again": the one error that ends a grant's use at /mcp. Thrown
// where the cause is known (Attio refuses the token, Attio reports it inactive, the sealed token
// cannot be opened), handled once in index.ts: a 401 invalid_token, so the client signs in
// again (RFC 6750 §3.1; MCP authorization "Token Handling").
export class SignInAgain extends Error {
  override name = "SignInAgain";

  /**
   * @param message what the client and the person read (never a token or a value)
   * @param revokeGrant whether the grant can never work again (Attio refused it); a sealing-key
   *   mismatch keeps the grant, since restoring TOKEN_ENCRYPTION_KEY brings it back
   */
  constructor(
    message: string,
    readonly revokeGrant: boolean,
  ) {
    super(message);
  }
}
