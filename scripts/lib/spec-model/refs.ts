/** Local references (`#/components/…`), the only kind PostHog's schema uses. */
import type { SchemaObject } from "../openapi.ts";

export class SpecError extends Error {
  override name = "SpecError";
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value.$ref === "string";
}

/** The node a JSON Pointer reference (`#/a/b~1c`) names in the document, or undefined. */
export function pointer(document: object, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new SpecError(`only local references are supported, got ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((parent, key) => (isObject(parent) ? parent[key] : undefined), document);
}

/** Follows references until a node that is not one; an unresolvable or cyclic reference throws. */
export function resolve<T>(document: object, node: T | { $ref: string }): T {
  let current: unknown = node;
  for (let depth = 0; isRef(current); depth++) {
    if (depth > 32) throw new SpecError(`reference cycle at ${current.$ref}`);
    const target = pointer(document, current.$ref);
    if (target === undefined) throw new SpecError(`the document references ${current.$ref} but does not define it`);
    current = target;
  }
  return current as T;
}

/** The component name a `#/components/schemas/X` reference points at, or undefined. */
export function schemaRefName(schema: SchemaObject | undefined): string | undefined {
  return schema?.$ref?.match(/^#\/components\/schemas\/([^/]+)$/)?.[1];
}
