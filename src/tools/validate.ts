// Enforces each tool's advertised inputSchema with a validator that needs no code
// generation (Workers forbid eval/new Function), and words failures for a model.
import { Validator, type OutputUnit } from "@cfworker/json-schema";
import type { JsonObject } from "../mcp/types";

const validators = new WeakMap<object, Validator>();

function validatorFor(schema: JsonObject): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(schema as never, "2020-12", false);
    validators.set(schema, validator);
  }
  return validator;
}

/** Keywords whose errors only summarise their children's. */
const WRAPPERS = new Set([
  "properties",
  "items",
  "allOf",
  "$ref",
  "additionalProperties",
  "prefixItems",
  "dependentSchemas",
]);

/**
 * Bounds checked before the schema: the validator collects every error and recurses per level,
 * so 150,000 bad items or a 10,000-deep object would cost seconds or overflow the stack. No tool
 * needs more than a page of ids or values per call.
 */
const MAX_ARGUMENT_ITEMS = 1000;
const MAX_ARGUMENT_DEPTH = 16;

function oversized(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_ARGUMENT_DEPTH) return `"${path}" is nested too deeply (at most ${MAX_ARGUMENT_DEPTH} levels)`;
  if (Array.isArray(value)) {
    if (value.length > MAX_ARGUMENT_ITEMS)
      return `"${path}" has ${value.length} items; at most ${MAX_ARGUMENT_ITEMS} are accepted per call: split the work`;
    for (let i = 0; i < value.length; i++) {
      const found = oversized(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length > MAX_ARGUMENT_ITEMS)
      return `"${path || "arguments"}" has ${keys.length} keys; at most ${MAX_ARGUMENT_ITEMS} are accepted`;
    for (const key of keys) {
      const found = oversized((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Returns null when valid, else one message naming each bad field (at most five) and what was expected. */
export function checkAgainstSchema(schema: JsonObject, value: unknown): string | null {
  const bound = oversized(value, "", 0);
  if (bound) return bound;
  const result = validatorFor(schema).validate(value);
  if (result.valid) return null;
  const leaves = result.errors.filter((unit) => !WRAPPERS.has(unit.keyword));
  const messages = [...new Set((leaves.length > 0 ? leaves : result.errors).map(describe))];
  return messages.slice(0, 5).join("; ");
}

function describe(unit: OutputUnit): string {
  const path = unit.instanceLocation.replace(/^#\/?/, "").split("/").filter(Boolean).join(".");
  const field = `"${path}"`;
  switch (unit.keyword) {
    case "required": {
      const name = /"([^"]+)"/.exec(unit.error)?.[1] ?? "?";
      return `missing required argument "${path ? `${path}.` : ""}${name}"`;
    }
    case "false":
      return `unknown argument ${field}: remove it (see the tool's inputSchema for the allowed arguments)`;
    case "type": {
      const got = /"(\w+)" is invalid/.exec(unit.error)?.[1];
      const expected = /Expected (.+)\.$/.exec(unit.error)?.[1];
      return `${field} must be ${expected ?? "another type"}${got ? ` (got ${got})` : ""}`;
    }
    case "enum":
      return `${field} ${unit.error.replace(/^Instance does not match any of/, "must be one of")}`;
    case "dependentRequired": {
      // "Instance has "a" but does not have "b"." → the pair rule in words.
      const [, has, missing] = /has "([^"]+)" but does not have "([^"]+)"/.exec(unit.error) ?? [];
      return has && missing
        ? `"${has}" also needs "${missing}": add it`
        : `${path ? field : "arguments"}: ${unit.error}`;
    }
    case "const":
      return `${field} ${unit.error.replace(/^Instance does not match/, "must be")}`;
    default:
      return `${path ? field : "arguments"}: ${unit.error.replace(/^Instance /, "value ").replace(/\.$/, "")}`;
  }
}

/**
 * The arguments with each top-level property's schema `default` filled in, so a default is
 * stated once (in the schema the model reads) and a tool never repeats it.
 */
export function withDefaults(schema: JsonObject, args: JsonObject): JsonObject {
  const properties = schema.properties as Record<string, { default?: unknown }> | undefined;
  if (!properties) return args;
  const out: JsonObject = { ...args };
  for (const [key, property] of Object.entries(properties))
    if (out[key] === undefined && property.default !== undefined) out[key] = property.default;
  return out;
}
