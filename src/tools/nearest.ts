// "Did you mean": the nearest valid name to one a model got wrong, and errors that list the valid ones.
import { ToolInputError } from "./tool";

/** The closest of `options` to `given` by edit distance, when close enough to be a likely typo. */
function nearest(given: string, options: readonly string[]): string | undefined {
  const want = given.toLowerCase();
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = option.toLowerCase().includes(want) ? 1 : editDistance(want, option.toLowerCase());
    if (!best || distance < best.distance) best = { option, distance };
  }
  return best && best.distance <= Math.max(2, Math.ceil(given.length / 2)) ? best.option : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** `unknown attribute "nmae" (did you mean "name"?); attributes of companies: name, domains, …` */
export function unknownNames(
  kind: string,
  unknown: readonly string[],
  valid: readonly string[],
  of: string,
  validLabel = `${kind}s`,
): string {
  const named = unknown.map((name) => {
    const close = nearest(name, valid);
    return `"${name}"${close ? ` (did you mean "${close}"?)` : ""}`;
  });
  return (
    `unknown ${kind}${unknown.length > 1 ? "s" : ""} ${named.join(", ")}; ` +
    `${validLabel} of ${of}: ${valid.join(", ")}`
  );
}

/** `fields` naming an attribute the record does not have is an error, not a silently missing value. */
export function checkFields(fields: readonly string[] | undefined, present: readonly string[], of: string): void {
  const unknown = (fields ?? []).filter((field) => !present.includes(field));
  if (unknown.length > 0) throw new ToolInputError(`"fields": ${unknownNames("attribute", unknown, present, of)}`);
}
