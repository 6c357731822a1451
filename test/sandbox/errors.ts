// Attio's error wire format: every non-2xx /v2 answer is {status_code, type, code, message}.
// Handlers throw AttioError; the server renders it once (see server.ts).

export class AttioError extends Error {
  /** Response headers some errors carry (429's Retry-After). */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    /** extra fields Attio adds for some errors, e.g. validation_errors */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return { status_code: this.status, type: this.type, code: this.code, message: this.message, ...this.details };
  }
}

export const notFound = (message: string): AttioError =>
  new AttioError(404, "invalid_request_error", "not_found", message);

/** 400 invalid_request_error with a specific code (validation_type, value_not_found, …). */
export const badRequest = (code: string, message: string): AttioError =>
  new AttioError(400, "invalid_request_error", code, message);

export const unauthorized = (message: string): AttioError => new AttioError(401, "auth_error", "unauthorized", message);

export const conflict = (code: string, message: string): AttioError =>
  new AttioError(409, "invalid_request_error", code, message);

/** OAuth endpoints answer RFC 6749 §5.2 style errors, not Attio's API shape. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}
