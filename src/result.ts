// Expected failure is a value, not an exception: a function whose failure the caller must handle
// (a setting that is wrong, Attio refusing a sign-in) returns one of these. Exceptions are kept
// for faults, one class per wire format (AttioError, ToolInputError, SealError).
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
