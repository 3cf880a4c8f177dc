/**
 * What an operation without a named behaviour does, derived from the spec (the row's `effect`,
 * scripts/lib/operation-table.ts), so that an operation added to the spec works against the stored
 * state with no hand edit:
 * - `list`: a page of the organization's stored records, each in the page's item schema;
 * - `create`: a new record from the body (PostHog's defaults first, as a create does);
 * - `read`: the stored record;
 * - `update`: the body's fields that the record has applied to it, logged like a PATCH, and the record;
 * - `delete`: the record removed, 204;
 * - `other`: the record looked up and the body validated as usual, then a schema-valid value.
 * Records are the projects of the store; a resource the fake keeps no records of gets the `other` answer.
 */
import { schemaDocument } from "../generated/schemas.js";
import { json } from "./api-error.js";
import { offsetPage } from "./behaviours/pagination.js";
import type { Behaviour, RequestContext } from "./context.js";
import { logActivity, newProject, pickSchema } from "./project-records.js";

/** The resources whose records the fake keeps (projects live in `db.stored`). */
const RECORDS = new Set(["projects"]);

export const derivedBehaviour: Behaviour = async (context) => {
  if (!RECORDS.has(context.row.resource)) return generatedResponse(context);
  switch (context.row.effect) {
    case "list":
      return listRecords(context);
    case "create":
      return createRecord(context);
    case "read":
      return json(context.row.successStatus, context.project().data);
    case "update":
      return updateRecord(context);
    case "delete":
      return deleteRecord(context);
    default:
      return generatedResponse(context);
  }
};

/** The `other` answer: the usual checks, then a generated, schema-valid value. */
export const generatedResponse: Behaviour = async (context) => {
  if (context.row.pathParams.some((p) => p.name === "id")) context.project();
  if (context.row.body) await context.body();
  const { successStatus, responseSchema } = context.row;
  if (successStatus === 204 || successStatus === 205) return new Response(null, { status: successStatus });
  const value = responseSchema ? context.runtime.factories.buildSchema(responseSchema, "read") : {};
  return json(successStatus, value);
};

function listRecords(context: RequestContext): Response {
  const organization = context.organization?.id;
  const records = organization ? context.runtime.db.projects.filter((p) => p.organization === organization) : [];
  const itemSchema = context.row.pagination?.itemSchema;
  const page = offsetPage(context.url, records);
  const results = itemSchema
    ? page.results.map((p) => pickSchema(p as Record<string, unknown>, itemSchema))
    : page.results;
  return json(context.row.successStatus, { ...page, results });
}

async function createRecord(context: RequestContext): Promise<Response> {
  const organization = context.organization;
  if (!organization) return generatedResponse(context);
  const stored = newProject(context.runtime, organization, await context.body());
  logActivity(context.runtime, stored, "created", "Team", []);
  return json(context.row.successStatus, stored.data);
}

async function updateRecord(context: RequestContext): Promise<Response> {
  const stored = context.project();
  const body = await context.body();
  const record = stored.data as Record<string, unknown>;
  const writable = writableFields(context.row.responseSchema);
  const changes: Array<{ action: string; field: string; before: unknown; after: unknown }> = [];
  for (const [field, after] of Object.entries(body)) {
    if (!writable.has(field) || JSON.stringify(record[field]) === JSON.stringify(after)) continue;
    changes.push({ action: "changed", field, before: record[field] ?? null, after });
    record[field] = after;
  }
  record.updated_at = context.runtime.now().toISOString();
  if (changes.length) logActivity(context.runtime, stored, "updated", "Team", changes);
  return json(context.row.successStatus, stored.data);
}

function deleteRecord(context: RequestContext): Response {
  const stored = context.project();
  context.runtime.db.stored.delete(stored.data.id);
  return new Response(null, { status: context.row.successStatus === 200 ? 204 : context.row.successStatus });
}

/** The record schema's properties a client may write (not read-only): what an update may change. */
function writableFields(schema: string | null): Set<string> {
  const properties = (schema ? schemaDocument.definitions.read[schema]?.properties : undefined) ?? {};
  return new Set(
    Object.entries(properties)
      .filter(([, property]) => property.readOnly !== true)
      .map(([name]) => name),
  );
}
