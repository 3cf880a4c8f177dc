/**
 * What an operation without a named behaviour does, derived from the spec (the row's `effect`,
 * scripts/lib/operation-table.ts), so that an operation added to the spec works against the stored
 * state with no hand edit:
 * - `list`: a page of the visible records the query's filters keep, each in the page's item schema;
 * - `create`: a new record from the validated body;
 * - `read`: the stored record;
 * - `update`: the validated body applied to the record, and the record;
 * - `delete`: the resource's destroy, 204;
 * - `other`: the record looked up and the body validated as usual, then a schema-valid value.
 * Every step goes through the resource's hooks (resource.ts): the named behaviours use the same
 * ones. A resource the fake keeps no records of gets the `other` answer for everything.
 */
import { json } from "./api-error.js";
import type { Behaviour, EngineContext } from "./context.js";
import { offsetPage } from "./pagination.js";
import type { Resource } from "./resource.js";
import { pickSchema } from "./schema-records.js";
import { validateBySchema } from "./schema-serializer.js";

export function derivedBehaviour<C extends EngineContext, R>(resource: Resource<C, R> | undefined): Behaviour<C> {
  if (!resource) return generatedResponse;
  const { store } = resource;
  const validate = async (context: C, instance?: R) => {
    const partial = isPartial(context);
    if (resource.serializer) return resource.serializer(context, { partial, instance });
    const schema = context.row.body?.schema;
    return schema ? validateBySchema(schema, await context.rawBody(), { partial, ...resource.rules }) : {};
  };
  return async (context) => {
    const { successStatus } = context.row;
    switch (context.row.effect) {
      case "list":
        return json(successStatus, listPage(resource, context));
      case "create": {
        const record = store.insert(context, await validate(context));
        return json(successStatus, store.view(context, record));
      }
      case "read":
        return json(successStatus, store.view(context, store.find(context)));
      case "update": {
        const record = store.find(context);
        store.change(context, record, await validate(context, record));
        return json(successStatus, store.view(context, record));
      }
      case "delete":
        store.remove(context, store.find(context));
        return new Response(null, { status: successStatus === 200 ? 204 : successStatus });
      default:
        return otherResponse(context, () => store.find(context));
    }
  };
}

/** A page of the list: the store's records in the URL's scope, the list rules applied, in the item schema. */
export function listPage<C extends EngineContext, R>(resource: Resource<C, R>, context: C) {
  const { visible, filters = {} } = resource.list ?? {};
  const sent = Object.entries(filters).flatMap(([name, test]) => {
    const value = context.url.searchParams.get(name);
    return value === null ? [] : [{ test, value }];
  });
  const records = resource.store
    .all(context)
    .filter((record) => (visible ? visible(context, record) : true))
    .filter((record) => sent.every(({ test, value }) => test(record, value, context)));
  const page = offsetPage(context.url, records);
  const itemSchema = context.row.pagination?.itemSchema;
  return {
    ...page,
    results: page.results.map((record) => {
      const view = resource.store.view(context, record);
      return itemSchema ? pickSchema(view, itemSchema) : view;
    }),
  };
}

/** PATCH is DRF's partial update; every other write validates the whole body. */
const isPartial = (context: EngineContext) => context.request.method.toUpperCase() === "PATCH";

/** The `other` answer for a resource without records: only the body checked. */
export const generatedResponse: Behaviour = (context) => otherResponse(context, () => undefined);

/** The `other` answer: the usual checks (the `{id}` record, the body), then a generated, schema-valid value. */
async function otherResponse(context: EngineContext, lookUp: () => unknown): Promise<Response> {
  if (context.row.pathParams.some((p) => p.name === "id")) lookUp();
  if (context.row.body) await context.body();
  const { successStatus, responseSchema } = context.row;
  if (successStatus === 204 || successStatus === 205) return new Response(null, { status: successStatus });
  const value = responseSchema ? context.runtime.factories.buildSchema(responseSchema, "read") : {};
  return json(successStatus, value);
}
