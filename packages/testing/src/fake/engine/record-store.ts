/**
 * The store of a resource no module declares: records kept as the spec describes them, keyed by
 * `id` within the URL's scope (its organization, its project: the assembly says how a URL's scope
 * is named). A create starts from a generated record of the resource's schema (so read-only values
 * look real), numbers integer ids from 1 in each resource, and applies the validated body; an
 * update applies the validated body; a delete removes the record. Lists show every record of the scope.
 */
import { notFound } from "./api-error.js";
import type { EngineContext, Json } from "./context.js";
import { drfDateTime } from "./python.js";
import type { Resource } from "./resource.js";
import { schemaProperties } from "./schema-records.js";

/** One record of a resource without a module, with the scope it was created in. */
export interface ScopedRecord {
  scope: string;
  data: Json;
}

export function recordResource<C extends EngineContext>(
  name: string,
  scopeOf: (context: C) => string,
): Resource<C, ScopedRecord> {
  const records = (context: C) => {
    const { db } = context.runtime;
    const list = db.records.get(name) ?? [];
    if (!db.records.has(name)) db.records.set(name, list);
    return list;
  };
  const inScope = (context: C) => {
    const scope = scopeOf(context);
    return records(context).filter((record) => record.scope === scope);
  };
  return {
    name,
    store: {
      all: inScope,
      find(context) {
        const found = inScope(context).find((record) => String(record.data.id) === context.params.id);
        if (!found) throw notFound();
        return found;
      },
      insert(context, attrs) {
        const schema = context.row.responseSchema;
        const data = schema ? (context.runtime.factories.buildSchema(schema, "read") as Json) : {};
        const properties = schema ? schemaProperties(schema) : {};
        const all = records(context);
        if (properties.id?.type === "integer") {
          data.id = all.reduce((top, record) => Math.max(top, Number(record.data.id) || 0), 0) + 1;
        }
        const now = drfDateTime(context.runtime.now());
        for (const field of ["created_at", "updated_at"]) if (field in properties) data[field] = now;
        const record = { scope: scopeOf(context), data: { ...data, ...attrs } };
        all.push(record);
        return record;
      },
      change(context, record, attrs) {
        Object.assign(record.data, attrs);
        if ("updated_at" in record.data) record.data.updated_at = drfDateTime(context.runtime.now());
      },
      remove(context, record) {
        const all = records(context);
        all.splice(all.indexOf(record), 1);
      },
      view: (_context, record) => structuredClone(record.data),
    },
  };
}
