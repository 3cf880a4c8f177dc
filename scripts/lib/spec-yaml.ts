/**
 * Reads and writes OpenAPI documents in the style of `spec/projects.openapi.yaml`, losslessly enough
 * that reading the committed spec and writing it back gives the same bytes (the spec-sync no-op test
 * depends on it).
 *
 * Integers are read as BigInt: PostHog's int64 bounds (±9223372036854775808) do not survive a double,
 * and writing them back as `-9223372036854776000` would be a change nobody made.
 */
import { parse, stringify } from "yaml";

/** The comment lines a YAML file starts with (our spec's header), kept verbatim by a rewrite. */
export function leadingComment(text: string): string {
  return text.match(/^(?:#[^\n]*\n)*/)?.[0] ?? "";
}

/** Parses YAML or JSON (YAML 1.2 reads both) with exact integers. Throws a message naming `label`. */
export function parseSpecText(text: string, label: string): unknown {
  try {
    return parse(text, { intAsBigInt: true, maxAliasCount: -1, prettyErrors: true });
  } catch (error) {
    throw new Error(`${label} is not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** Serialises a document the way our spec is written: block style, 2-space indent, no folding. */
export function stringifySpec(document: unknown, header = ""): string {
  return (
    header +
    stringify(document, {
      lineWidth: 0,
      minContentWidth: 0,
      indentSeq: true,
      singleQuote: false,
      blockQuote: "literal",
      aliasDuplicateObjects: false,
    })
  );
}

/** Structural equality that understands BigInt (JSON.stringify does not) and is key-order blind. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "bigint" || typeof b === "bigint") {
    return (typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")
      ? String(a) === String(b)
      : false;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length && keys.every((key) => key in right && deepEqual(left[key], right[key]))
  );
}
