/**
 * What a resource module gives the engine (one per operation-table `resource` that PostHog treats
 * specially: ../projects/resource.ts, ../organizations/resource.ts). The derived behaviours
 * (derived.ts) and the module's named behaviours act on the same store through the same hooks, so
 * a resource has one CRUD: a route served by its effect and one served by name cannot disagree.
 */
import type { Behaviour, EngineContext, Json } from "./context.js";
import type { SerializerRules } from "./schema-serializer.js";

/** Where a resource's records live, scoped to the URL (its organization, its project) by the module. */
export interface ResourceStore<C extends EngineContext, R> {
  /** The records in the URL's scope, in list order, before the list rules. */
  all(context: C): R[];
  /** The `{id}` record, looked up as the server does (400 for a malformed id, 404 unknown or not visible). */
  find(context: C): R;
  /** A new record from validated fields (the server's create, defaults and side effects included). */
  insert(context: C, attrs: Json): R;
  /** Validated fields onto a record (the server's save, activity included). */
  change(context: C, record: R, attrs: Json): void;
  /** The server's destroy: removing the record, or marking it as PostHog does. */
  remove(context: C, record: R): void;
  /** The record as the resource's serializer answers it. */
  view(context: C, record: R): Json;
}

/** Which records a list shows: visibility (key scoping, soft deletion) and the query's filters. */
export interface ListRules<C extends EngineContext, R> {
  /** False hides the record from every list of the resource (a key's scope, a soft-deleted record). */
  visible?(context: C, record: R): boolean;
  /** Query parameter → test of one record, applied when the parameter is sent (`search`). */
  filters?: Record<string, (record: R, value: string, context: C) => boolean>;
}

/** How a write's body becomes fields: DRF's `serializer.is_valid()` + `validated_data`. */
export type Serializer<C extends EngineContext, R> = (
  context: C,
  options: { partial: boolean; instance?: R },
) => Json | Promise<Json>;

export interface Resource<C extends EngineContext, R = unknown> {
  /** The operation table's `resource`. */
  readonly name: string;
  readonly store: ResourceStore<C, R>;
  /** A serializer of the module's own; default: the schema serializer on the operation's request schema. */
  readonly serializer?: Serializer<C, R>;
  /** What the default serializer knows beyond the schema (read-only fields, defaults, validators). */
  readonly rules?: SerializerRules;
  readonly list?: ListRules<C, R>;
  /** Operations whose PostHog behaviour is not their effect's, by operationId. */
  readonly behaviours?: Readonly<Partial<Record<string, Behaviour<C>>>>;
}

/** A resource module's declaration, checked against its own context and record types. */
export const defineResource = <C extends EngineContext, R>(resource: Resource<C, R>): Resource<C, R> => resource;
