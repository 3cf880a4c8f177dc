/**
 * `@hogkit/react`: query keys, queryOptions helpers, query/suspense/infinite hooks and mutation hooks
 * for every operation, as thin wrappers over the hand-written bases in packages/react/src. Every
 * name comes from the names file (rules: scripts/lib/names/rules.ts): `useProjects`,
 * `projectQueryOptions`, `useUpdateProject`, `useRotateSecretToken`, `projectKeys`, …
 *
 * Cache effect of a mutation, from the row's `effect`: DELETE removes the detail entry; an answer
 * that is the record is written into it; anything else on an item invalidates it. Lists are always
 * invalidated.
 *
 * Two files, so that the root entry serves React Server Components as well as the browser:
 * generated/query-options.ts (keys and `…QueryOptions` helpers, no React) and generated/hooks.ts
 * (`"use client"`: the hooks, which import the former through the `../queries.js` entry).
 */
import type { OperationNames } from "../../lib/names/index.ts";
import type { OperationRow } from "../../lib/operation-table.ts";
import { type Emitter, header, namesOf } from "../context.ts";
import { TypeNames } from "../type-names.ts";

export const emitReact: Emitter = (context) => {
  const sections: string[] = [];
  const hookSections: string[] = [];
  // One per module: each imports the types its own code names.
  const types: ModuleTypes = { options: new TypeNames(context), hooks: new TypeNames(context) };
  /** What the hooks import from the query-options side: key factories and queryOptions helpers. */
  const shared: string[] = [];
  for (const { name: resource, names: resourceNames, operations: rows } of context.resources) {
    const { keys } = resourceNames;
    shared.push(keys);
    const parts = [
      `/** Query keys of ${resource}: \`all → lists → list(params)\`, \`all → details → detail(id)\`. */
export const ${keys} = createQueryKeys(${JSON.stringify(resource)});`,
    ];
    const hookParts: string[] = [];
    for (const row of rows) {
      const names = namesOf(context, row);
      if (row.httpMethod === "GET") {
        const code = query(row, names, keys, types);
        parts.push(code.options);
        hookParts.push(code.hooks);
        shared.push(...code.shared);
      } else {
        hookParts.push(mutation(row, names, keys, types.hooks));
      }
    }
    sections.push(parts.join("\n\n"));
    hookSections.push(hookParts.join("\n\n"));
  }
  const optionsCode = sections.join("\n\n");
  const hooksCode = hookSections.join("\n\n");
  const queryOptions = `${header(context)}import type { DataTag, InfiniteData, QueryFunction, UseInfiniteQueryOptions, UseQueryOptions } from "@tanstack/react-query";
import type { PostHogApiError } from "@hogkit/client";
${types.options.importLine()}
import type { HogkitClient } from "../client-types.js";
import { createQueryKeys } from "../query-keys.js";
import { dataTag, nextOffset, retryUnlessApiError } from "../query-defaults.js";

/** Options every query helper takes besides its parameters. */
export interface QueryScope {
  /** Another organization than the client's default (\`@current\`). */
  organizationId?: string;
}

/** What the generated queryOptions helpers return: options whose key carries the data type (DataTag). */
export type HogkitQueryOptions<T> = Omit<UseQueryOptions<T, PostHogApiError, T, readonly unknown[]>, "queryFn"> & {
  queryKey: DataTag<readonly unknown[], T, PostHogApiError>;
  queryFn: QueryFunction<T, readonly unknown[]>;
};
/** What the generated infinite queryOptions helpers return. */
export type HogkitInfiniteQueryOptions<T> = Omit<
  UseInfiniteQueryOptions<T, PostHogApiError, InfiniteData<T, number>, readonly unknown[], number>,
  "queryFn"
> & {
  queryKey: DataTag<readonly unknown[], InfiniteData<T, number>, PostHogApiError>;
  queryFn: QueryFunction<T, readonly unknown[], number>;
};

${optionsCode}
`;
  // The directive comes right after the header comment: it must be the module's first statement.
  const hooks = `${header(context)}"use client";

import {
  type UseQueryOptions,
  type UseSuspenseQueryOptions,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryResult,
  type UseSuspenseQueryResult,
  type InfiniteData,
  useInfiniteQuery,
  useQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import type { PostHogApiError } from "@hogkit/client";
${types.hooks.importLine()}
import { useHogkitClient } from "../provider.js";
import {
  type QueryScope,
${shared.map((name) => `  ${name},`).join("\n")}
} from "../queries.js";
import { type HogkitMutationOptions, type OptimisticContext, useHogkitMutation } from "../use-hogkit-mutation.js";

type QueryHookOptions<T> = Omit<UseQueryOptions<T, PostHogApiError>, "queryKey" | "queryFn">;
type SuspenseHookOptions<T> = Omit<UseSuspenseQueryOptions<T, PostHogApiError>, "queryKey" | "queryFn">;

${hooksCode}
`;
  return [
    { path: "packages/react/src/generated/query-options.ts", contents: queryOptions },
    { path: "packages/react/src/generated/hooks.ts", contents: hooks },
  ];
};

/** The type namers of the two modules: generated/query-options.ts and generated/hooks.ts. */
interface ModuleTypes {
  options: TypeNames;
  hooks: TypeNames;
}

/** The types one module's code of a query names, recorded in that module's imports. */
function queryTypes(row: OperationRow, ids: string[], types: TypeNames) {
  return {
    result: types.result(row),
    idArgs: ids.map((id) => `${id}: ${types.path(row, id)}`),
    params: row.queryParams.length > 0 ? `${types.query(row)} & QueryScope` : "QueryScope",
    infiniteParams: () => `Omit<${types.query(row)}, "offset"> & QueryScope`,
  };
}

function idParams(row: OperationRow): string[] {
  return row.pathParams.map((p) => p.name).filter((name) => name !== "organization_id");
}

function doc(row: OperationRow): string {
  const access =
    row.scopes === null
      ? "PostHog accepts this only from a logged-in browser session: it refuses personal API keys (403)."
      : row.scopes.length
        ? `A personal API key needs the \`${row.scopes.join("`, `")}\` scope.`
        : "";
  return `/**\n * ${row.summary || row.operationId} — \`${row.httpMethod} ${row.path}\`.${access ? `\n * ${access}` : ""}\n */`;
}

/** The queryOptions helpers (server-safe), the hooks over them, and the helper names the hooks import. */
function query(
  row: OperationRow,
  names: OperationNames,
  keys: string,
  types: ModuleTypes,
): { options: string; hooks: string; shared: string[] } {
  const ids = idParams(row);
  const hasQuery = row.queryParams.length > 0;
  // The same types in both modules' code, each module importing them for itself.
  const o = queryTypes(row, ids, types.options);
  const h = queryTypes(row, ids, types.hooks);
  const key =
    row.effect === "list"
      ? `${keys}.list(params)`
      : row.effect === "read"
        ? `${keys}.detail(${ids[0]}, params)`
        : `${keys}.action(${JSON.stringify(row.method)}, ${ids[0] ?? "null"}, params)`;
  const callArgs = [...ids, ...(hasQuery ? ["query"] : []), "{ signal, organizationId }"].join(", ");
  const split = hasQuery ? "const { organizationId, ...query } = params;" : "const { organizationId } = params;";
  const optionsName = names.queryOptions as string;
  const hookName = names.hook as string;
  const suspenseName = names.suspenseHook as string;
  const passArgs = [...ids, "params"].join(", ");
  let options = `${doc(row)}
export function ${optionsName}(client: HogkitClient, ${[...o.idArgs, `params: ${o.params} = {}`].join(", ")}): HogkitQueryOptions<${o.result}> {
  ${split}
  return {
    queryKey: dataTag<${o.result}>(${key}),
    queryFn: ({ signal }) => client.${row.resource}.${row.method}(${callArgs}),
    retry: retryUnlessApiError,
  };
}`;
  const shared = [optionsName];
  let hooks = `${doc(row)}
export function ${hookName}(${[...h.idArgs, `params: ${h.params} = {}`, `options: QueryHookOptions<${h.result}> = {}`].join(", ")}): UseQueryResult<${h.result}, PostHogApiError> {
  return useQuery({ ...${optionsName}(useHogkitClient(), ${passArgs}), ...options });
}

${doc(row)}
export function ${suspenseName}(${[...h.idArgs, `params: ${h.params} = {}`, `options: SuspenseHookOptions<${h.result}> = {}`].join(", ")}): UseSuspenseQueryResult<${h.result}, PostHogApiError> {
  return useSuspenseQuery({ ...${optionsName}(useHogkitClient(), ${passArgs}), ...options });
}`;
  if (row.pagination?.style === "offset") {
    const infiniteOptions = names.infiniteQueryOptions as string;
    const infiniteHook = names.infiniteHook as string;
    shared.push(infiniteOptions);
    options += `

/** All pages of \`${row.resource}.${row.method}\`, fetched one \`offset\` page at a time (for "load more" lists). */
export function ${infiniteOptions}(client: HogkitClient, ${[...o.idArgs, `params: ${o.infiniteParams()} = {}`].join(", ")}): HogkitInfiniteQueryOptions<${o.result}> {
  const { organizationId, ...query } = params;
  return {
    queryKey: dataTag<InfiniteData<${o.result}, number>>([...${key}, "infinite"]),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      client.${row.resource}.${row.method}(${[...ids, "{ ...query, offset: pageParam }", "{ signal, organizationId }"].join(", ")}),
    getNextPageParam: nextOffset,
    retry: retryUnlessApiError,
  };
}`;
    hooks += `

/** \`useInfiniteQuery\` over \`${row.resource}.${row.method}\`: \`data.pages\`, \`fetchNextPage()\`, \`hasNextPage\`. */
export function ${infiniteHook}(${[...h.idArgs, `params: ${h.infiniteParams()} = {}`, `options: Omit<UseInfiniteQueryOptions<${h.result}, PostHogApiError, InfiniteData<${h.result}, number>, readonly unknown[], number>, "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam"> = {}`].join(", ")}): UseInfiniteQueryResult<InfiniteData<${h.result}, number>, PostHogApiError> {
  return useInfiniteQuery({ ...${infiniteOptions}(useHogkitClient(), ${passArgs}), ...options });
}`;
  }
  return { options, hooks, shared };
}

function mutation(row: OperationRow, names: OperationNames, keys: string, types: TypeNames): string {
  const ids = idParams(row);
  const hook = names.mutationHook as string;
  const variables = names.mutationVariables as string;
  const fields = [
    ...ids.map((id) => `  ${id}: ${types.path(row, id)};`),
    ...(row.body ? [`  body${row.body.required ? "" : "?"}: ${types.body(row)};`] : []),
    ...(row.queryParams.length ? [`  query?: ${types.query(row)};`] : []),
    "  /** Another organization than the client's default (`@current`). */",
    "  organizationId?: string;",
  ];
  const effect =
    row.effect === "delete"
      ? "remove-detail"
      : row.effect === "update"
        ? "write-detail"
        : ids.length
          ? "invalidate-detail"
          : "invalidate-lists";
  const callArgs = [
    ...ids.map((id) => `v.${id}`),
    ...(row.body ? ["v.body"] : []),
    ...(row.queryParams.length ? ["v.query"] : []),
    "{ organizationId: v.organizationId }",
  ].join(", ");
  const result = types.result(row);
  return `/** Variables of \`${hook}\`. */
export interface ${variables} {
${fields.join("\n")}
}

${doc(row)}
export function ${hook}(
  options: HogkitMutationOptions<${result}, PostHogApiError, ${variables}> = {},
): UseMutationResult<${result}, PostHogApiError, ${variables}, OptimisticContext> {
  return useHogkitMutation<${result}, PostHogApiError, ${variables}>(
    {
      keys: ${keys},
      effect: ${JSON.stringify(effect)},${ids[0] ? `\n      idOf: (v) => v.${ids[0]},` : ""}${row.body ? "\n      bodyOf: (v) => v.body," : ""}
      call: (client, v) => client.${row.resource}.${row.method}(${callArgs}),
    },
    options,
  );
}`;
}
