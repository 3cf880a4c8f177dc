/**
 * Which side of the wire each component schema lives on: one the server sends (reachable from a
 * success response) is read as the server sends it; one only ever sent by clients (PATCH bodies,
 * action bodies) is read as a request body, read-only fields left out.
 */
import type { OpenAPIDocument } from "../lib/openapi.ts";
import { reachableSchemas } from "../lib/spec-model/index.ts";

export type SchemaView = "read" | "write";

export function schemaViews(
  document: OpenAPIDocument,
  operations: ReadonlyArray<{ responseSchema: string | null; body: { schema: string | null } | null }>,
): Map<string, SchemaView> {
  const sent = reachableSchemas(
    document,
    operations.map((op) => op.responseSchema),
  );
  const received = reachableSchemas(
    document,
    operations.map((op) => op.body?.schema),
  );
  const views = new Map<string, SchemaView>();
  for (const name of Object.keys(document.components?.schemas ?? {})) {
    views.set(name, received.has(name) && !sent.has(name) ? "write" : "read");
  }
  return views;
}
