/**
 * Which side of the wire each component schema lives on: one the server sends (reachable from a
 * success response) is read as the server sends it; one only ever sent by clients (PATCH bodies,
 * action bodies) is read as a request body, read-only fields left out.
 */
import type { OpenAPIDocument } from "../lib/openapi.ts";
import type { ReachableSchemas } from "../lib/operation-table.ts";

export type SchemaView = "read" | "write";

export function schemaViews(document: OpenAPIDocument, reachable: ReachableSchemas): Map<string, SchemaView> {
  const views = new Map<string, SchemaView>();
  for (const name of Object.keys(document.components?.schemas ?? {})) {
    views.set(name, reachable.received.has(name) && !reachable.sent.has(name) ? "write" : "read");
  }
  return views;
}
