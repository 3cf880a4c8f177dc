/**
 * Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0) to an OpenAPI
 * document. Actions run in order; each `target` is an RFC 9535 JSONPath (json-p3). `update` merges into every matched
 * node (objects recursively, arrays appended, primitives replaced); `remove: true` deletes the node.
 * A target that matches nothing is an error: a correction that silently stops applying after an
 * upstream sync would hide a real change.
 */
import { jsonpath } from "json-p3";

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
}

type Json = Record<string, unknown>;

export class OverlayError extends Error {
  override name = "OverlayError";
}

export function applyOverlay<T extends object>(document: T, overlay: OverlayDocument): T {
  return traceOverlay(document, overlay).document;
}

/**
 * Applies the overlay and also returns the JSON Pointer of every node an action matched, so that a
 * difference from upstream can be checked against the corrections that explain it.
 */
export function traceOverlay<T extends object>(
  document: T,
  overlay: OverlayDocument,
): { document: T; touched: Array<{ pointer: string; action: OverlayAction }> } {
  const touched: Array<{ pointer: string; action: OverlayAction }> = [];
  if (!/^1\.\d+\.\d+$/.test(String(overlay.overlay))) {
    throw new OverlayError(`unsupported overlay version ${JSON.stringify(overlay.overlay)}: expected 1.x.y`);
  }
  const result = structuredClone(document) as T;
  overlay.actions.forEach((action, index) => {
    const where = `actions[${index}] (${action.target})`;
    const matches = jsonpath.query(action.target, result as Parameters<typeof jsonpath.query>[1]).nodes.map((node) => {
      const location = node.location as Array<string | number>;
      touched.push({ pointer: toPointer(location), action });
      const parent = location.slice(0, -1).reduce<unknown>((at, key) => (at as Json)[key as string], result);
      return {
        parent: location.length ? (parent as Json | unknown[]) : null,
        parentProperty: location.at(-1) ?? "",
        value: node.value,
      };
    });
    if (matches.length === 0) throw new OverlayError(`${where} matches nothing in the document`);
    if (action.remove) {
      // Remove from the end so array indexes of earlier matches stay valid.
      for (const match of [...matches].reverse()) {
        if (Array.isArray(match.parent)) match.parent.splice(Number(match.parentProperty), 1);
        else if (match.parent) delete match.parent[match.parentProperty as string];
        else throw new OverlayError(`${where} cannot remove the document root`);
      }
      return;
    }
    if (action.update === undefined) throw new OverlayError(`${where} has neither update nor remove`);
    for (const match of matches) {
      if (!isObject(match.value) && !Array.isArray(match.value)) {
        throw new OverlayError(`${where} targets a primitive; target its parent object instead`);
      }
      merge(match.value, structuredClone(action.update));
    }
  });
  return { document: result, touched };
}

export function toPointer(location: ReadonlyArray<string | number>): string {
  return location.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

function merge(target: Json | unknown[], update: unknown): void {
  if (Array.isArray(target)) {
    target.push(...(Array.isArray(update) ? update : [update]));
    return;
  }
  if (!isObject(update)) throw new OverlayError("an update for an object must be an object");
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if ((isObject(current) && isObject(value)) || (Array.isArray(current) && Array.isArray(value))) {
      merge(current as Json | unknown[], value);
    } else {
      target[key] = value;
    }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
