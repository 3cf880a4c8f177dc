/**
 * What an operation without a named behaviour does, derived from the spec (the row's `effect`,
 * scripts/lib/operation-table.ts), so that an operation added to the spec works against the stored
 * state with no hand edit:
 * - `list`: a page of the stored records, each in the page's item schema;
 * - `create`: a new record from the validated body (PostHog's defaults first, as a create does);
 * - `read`: the stored record;
 * - `update`: the validated body's fields applied to the record, and the record;
 * - `delete`: the record removed, 204;
 * - `other`: the record looked up and the body validated as usual, then a schema-valid value.
 * Records live in one store per resource: projects (`db.stored`) and organizations
 * (`db.organizations`); a resource the fake keeps no records of gets the `other` answer.
 */
import { schemaDocument } from "../generated/schemas.js";
import { json, notFound } from "./api-error.js";
import { offsetPage } from "./behaviours/pagination.js";
import type { Behaviour, RequestContext } from "./context.js";
import {
  applyOrganizationFields,
  bootstrapOrganization,
  deleteOrganization,
  ORGANIZATIONS,
  organizationView,
  visibleOrganizations,
} from "./organization-records.js";
import { logActivity, newProject, pickSchema } from "./project-records.js";
import { drfDateTime } from "./python.js";

type Json = Record<string, unknown>;

/** What the derived behaviours do to one resource's records. */
interface RecordStore {
  list(context: RequestContext): Json[];
  create(context: RequestContext, body: Json): Json;
  read(context: RequestContext): Json;
  update(context: RequestContext, body: Json): Json;
  remove(context: RequestContext): void;
}

const projects: RecordStore = {
  list(context) {
    const organization = context.organization?.id;
    return organization ? context.runtime.db.projects.filter((p) => p.organization === organization) : [];
  },
  create(context, body) {
    const organization = context.organization;
    if (!organization) throw notFound("Organization not found.");
    const stored = newProject(context.runtime, organization, body);
    logActivity(context.runtime, stored, "created", "Team", []);
    return stored.data;
  },
  read: (context) => context.project().data,
  update(context, body) {
    const stored = context.project();
    const record = stored.data as Json;
    const writable = writableFields(context.row.responseSchema);
    const changes: Array<{ action: string; field: string; before: unknown; after: unknown }> = [];
    for (const [field, after] of Object.entries(body)) {
      if (!writable.has(field) || JSON.stringify(record[field]) === JSON.stringify(after)) continue;
      changes.push({ action: "changed", field, before: record[field] ?? null, after });
      record[field] = after;
    }
    record.updated_at = context.runtime.now().toISOString();
    if (changes.length) logActivity(context.runtime, stored, "updated", "Team", changes);
    return stored.data;
  },
  remove(context) {
    context.runtime.db.stored.delete(context.project().data.id);
  },
};

/** The organization resource, as OrganizationViewSet serves it (posthog/api/organization.py). */
const organizations: RecordStore = {
  list(context) {
    // The list's access-control queryset needs the user's current organization (posthog/api/routing.py).
    if (!context.runtime.db.currentOrganizationId) throw notFound("You need to belong to an organization.");
    return visibleOrganizations(context).map((o) => organizationView(context.runtime, o));
  },
  create: (context, body) => organizationView(context.runtime, bootstrapOrganization(context.runtime, body)),
  read: (context) => organizationView(context.runtime, own(context)),
  update(context, body) {
    const organization = own(context);
    applyOrganizationFields(context.runtime, organization, body);
    organization.updated_at = drfDateTime(context.runtime.now());
    return organizationView(context.runtime, organization);
  },
  remove(context) {
    deleteOrganization(context.runtime, own(context));
  },
};

const STORES: Partial<Record<string, RecordStore>> = { projects, [ORGANIZATIONS]: organizations };

export const derivedBehaviour: Behaviour = async (context) => {
  const store = STORES[context.row.resource];
  if (!store) return generatedResponse(context);
  const { successStatus } = context.row;
  switch (context.row.effect) {
    case "list":
      return listRecords(context, store.list(context));
    case "create":
      return json(successStatus, store.create(context, await context.body()));
    case "read":
      return json(successStatus, store.read(context));
    case "update":
      return json(successStatus, store.update(context, await context.body()));
    case "delete":
      store.remove(context);
      return new Response(null, { status: successStatus === 200 ? 204 : successStatus });
    default:
      return generatedResponse(context);
  }
};

/** The `other` answer: the usual checks, then a generated, schema-valid value. */
export const generatedResponse: Behaviour = async (context) => {
  if (context.organizationRoute) context.viewOrganization();
  else if (context.row.pathParams.some((p) => p.name === "id")) context.project();
  if (context.row.body) await context.body();
  const { successStatus, responseSchema } = context.row;
  if (successStatus === 204 || successStatus === 205) return new Response(null, { status: successStatus });
  const value = responseSchema ? context.runtime.factories.buildSchema(responseSchema, "read") : {};
  return json(successStatus, value);
};

function listRecords(context: RequestContext, records: Json[]): Response {
  const itemSchema = context.row.pagination?.itemSchema;
  const page = offsetPage(context.url, records);
  const results = itemSchema ? page.results.map((record) => pickSchema(record, itemSchema)) : page.results;
  return json(context.row.successStatus, { ...page, results });
}

function own(context: RequestContext) {
  const organization = context.viewOrganization();
  if (!organization) throw new Error(`${context.row.operationId} names no organization`);
  return organization;
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
