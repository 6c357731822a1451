// The pinned OpenAPI document as a validator source. The 2.2 MB spec is parsed on first use and
// each operation's schema is compiled once, on first request, so start-up stays fast.
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { AttioError } from "./errors";

const SPEC_URL = new URL("../../attio-openapi.json", import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is untyped JSON
export type OpenApiDoc = Record<string, any>;
let cached: OpenApiDoc | undefined;

export function loadSpec(): OpenApiDoc {
  cached ??= JSON.parse(readFileSync(SPEC_URL, "utf8")) as OpenApiDoc;
  return cached;
}

/** The formats worth checking, as plain regexes (no ajv-formats dependency). */
export const CHECKED_FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

/** Ajv without ajv-formats: we check the formats that matter ourselves and accept the rest. */
function createAjv(): Ajv2020 {
  return new Ajv2020({
    strict: false,
    allErrors: true,
    formats: { ...CHECKED_FORMATS, email: true, uri: true, binary: true },
  });
}

/** JSON pointer into the spec, escaping "/" in path keys. */
export function specPointer(...parts: string[]): string {
  return `#/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

function resolvePointer(doc: OpenApiDoc, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.replace(/^#\//, "").split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return node;
}

let compiled = 0;

/** Compiles the schema at `pointer`; its "#/components/…" refs resolve against the spec's components. */
export function compileAt(ajv: Ajv2020, doc: OpenApiDoc, pointer: string): ValidateFunction {
  const schema = resolvePointer(doc, pointer);
  if (!schema || typeof schema !== "object") throw new Error(`no schema at ${pointer}`);
  compiled += 1;
  return ajv.compile({
    $id: `https://sandbox.invalid/schema/${compiled}`,
    components: doc.components,
    allOf: [schema],
  });
}

let requestAjv: Ajv2020 | undefined;
const requestValidators = new Map<string, ValidateFunction | null>();

function requestValidator(specPath: string, method: string): ValidateFunction | null {
  const key = `${method} ${specPath}`;
  if (!requestValidators.has(key)) {
    const doc = loadSpec();
    const pointer = specPointer(
      "paths",
      specPath,
      method.toLowerCase(),
      "requestBody",
      "content",
      "application/json",
      "schema",
    );
    requestAjv ??= createAjv();
    requestValidators.set(key, resolvePointer(doc, pointer) ? compileAt(requestAjv, doc, pointer) : null);
  }
  return requestValidators.get(key)!;
}

/** Spec quirk: write `values` are typed as arrays, but Attio accepts single values; wrap them. */
function normaliseWriteValues(body: unknown): unknown {
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  if (!data || typeof data !== "object") return body;
  const copy = { ...data };
  for (const key of ["values", "entry_values"]) {
    const map = copy[key];
    if (map && typeof map === "object" && !Array.isArray(map)) {
      copy[key] = Object.fromEntries(
        Object.entries(map).map(([k, v]) => [k, v === null ? [] : Array.isArray(v) ? v : [v]]),
      );
    }
  }
  return { ...(body as object), data: copy };
}

/** The most specific error: skip anyOf/oneOf summaries, prefer the deepest path. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const concrete = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf");
  const pool = concrete.length ? concrete : errors;
  return pool.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best), pool[0]!);
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "body";
  if (e.keyword === "required")
    return `${where === "body" ? "" : `${where}.`}${String(e.params.missingProperty)} is required`;
  if (e.keyword === "additionalProperties")
    return `${where} has unexpected property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === "enum") return `${where} must be one of: ${(e.params.allowedValues as unknown[]).join(", ")}`;
  return `${where} ${e.message ?? "is invalid"}`;
}

/** Throws 400 validation_type when the body does not match the operation's request schema. */
export function validateRequestBody(specPath: string, method: string, body: unknown): void {
  const validate = requestValidator(specPath, method);
  if (!validate) return;
  if (validate(normaliseWriteValues(body))) return;
  const err = pickError(validate.errors ?? []);
  throw new AttioError(
    400,
    "invalid_request_error",
    "validation_type",
    `Body payload validation error: ${describe(err)}.`,
    {
      validation_errors: [
        { code: err.keyword, path: err.instancePath.split("/").filter(Boolean), message: describe(err) },
      ],
    },
  );
}
