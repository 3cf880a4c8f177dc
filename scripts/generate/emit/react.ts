/**
 * `@hogkit/react`: query keys, queryOptions helpers, query/suspense/infinite hooks and mutation hooks
 * for every operation, as thin wrappers over the hand-written bases in packages/react/src.
 *
 * Naming, from the operation table (resource `projects`, singular `project` = resource minus a final s):
 * - GET `list` → `useProjects`, `projectsQueryOptions`; `retrieve` → `useProject`, `projectQueryOptions`;
 *   another GET on one item → `useProject<Method>`; on the collection → `useProjects<Method>`.
 *   Every query hook has a `useSuspense…` twin; offset-paginated ones also get `use…Infinite`.
 * - create/update/replace/delete → `useCreateProject`, `useUpdateProject`, …; any other action →
 *   `use<Method>` (`useRotateSecretToken`). When two resources would share an action hook's name,
 *   both take their resource's singular after `use` (`useProjectArchive`, `useDashboardArchive`).
 * - Cache effect of a mutation: DELETE removes the detail entry; an answer in the resource's detail
 *   shape is written into it; anything else invalidates it. Lists are always invalidated.
 */
import { camelCase } from "../../lib/method-names.ts";
import type { OperationRow } from "../../lib/operation-table.ts";
import { type Emitter, header } from "../context.ts";

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const singularOf = (resource: string) => (resource.endsWith("s") ? resource.slice(0, -1) : resource);
const CRUD_MUTATIONS = new Set(["create", "update", "replace", "delete"]);

interface Names {
  base: string;
  hook: string;
}

/** Reserves an export name, failing on a clash; `taken` asks first. */
type Claim = ((name: string, operationId: string) => string) & { taken: (name: string) => boolean };

export const emitReact: Emitter = (context) => {
  const byResource = new Map<string, OperationRow[]>();
  for (const row of context.operations) byResource.set(row.resource, [...(byResource.get(row.resource) ?? []), row]);
  const sections: string[] = [];
  const exported = new Map<string, string>();
  const claim: Claim = Object.assign(
    (name: string, operationId: string) => {
      const other = exported.get(name);
      if (other) throw new Error(`React emitter: ${operationId} and ${other} both want the export name ${name}`);
      exported.set(name, operationId);
      return name;
    },
    { taken: (name: string) => exported.has(name) },
  );
  const shortNames = new Map<string, number>();
  for (const row of context.operations) {
    if (row.httpMethod === "GET") continue;
    const name = mutationHookName(row, false);
    shortNames.set(name, (shortNames.get(name) ?? 0) + 1);
  }
  const hookNameOf = (row: OperationRow) => {
    const short = mutationHookName(row, false);
    return (shortNames.get(short) ?? 0) > 1 ? mutationHookName(row, true) : short;
  };
  for (const [resource, rows] of byResource) {
    const singular = singularOf(resource);
    const keys = claim(claim.taken(`${singular}Keys`) ? `${resource}Keys` : `${singular}Keys`, resource);
    const detailSchema = rows.find((row) => row.method === "retrieve")?.responseSchema ?? null;
    const parts = [
      `/** Query keys of ${resource}: \`all → lists → list(params)\`, \`all → details → detail(id)\`. */
export const ${keys} = createQueryKeys(${JSON.stringify(resource)});`,
    ];
    for (const row of rows) {
      parts.push(
        row.httpMethod === "GET"
          ? query(row, resource, singular, keys, claim)
          : mutation(row, hookNameOf(row), keys, detailSchema, claim),
      );
    }
    sections.push(parts.join("\n\n"));
  }
  const contents = `${header(context)}import {
  type UseQueryOptions,
  type UseSuspenseQueryOptions,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryResult,
  type UseSuspenseQueryResult,
  type DataTag,
  type QueryFunction,
  type InfiniteData,
  useInfiniteQuery,
  useQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import type { PostHogApiError } from "@hogkit/client";
import type { OperationBody, OperationPathParams, OperationQuery, OperationResult } from "@hogkit/types";
import type { HogkitClient } from "../client-types.js";
import { useHogkitClient } from "../provider.js";
import { createQueryKeys } from "../query-keys.js";
import { dataTag, nextOffset, retryUnlessApiError } from "../query-defaults.js";
import { type HogkitMutationOptions, type OptimisticContext, useHogkitMutation } from "../use-hogkit-mutation.js";

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

type QueryHookOptions<T> = Omit<UseQueryOptions<T, PostHogApiError>, "queryKey" | "queryFn">;
type SuspenseHookOptions<T> = Omit<UseSuspenseQueryOptions<T, PostHogApiError>, "queryKey" | "queryFn">;

${sections.join("\n\n")}
`;
  return [{ path: "packages/react/src/generated/hooks.ts", contents }];
};

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

function query(row: OperationRow, resource: string, singular: string, keys: string, claim: Claim): string {
  const ids = idParams(row);
  const preferred: Names =
    row.method === "list"
      ? { base: resource, hook: pascal(resource) }
      : row.method === "retrieve"
        ? { base: singular, hook: pascal(singular) }
        : ids.length
          ? { base: `${singular}${pascal(row.method)}`, hook: `${pascal(singular)}${pascal(row.method)}` }
          : { base: `${resource}${pascal(row.method)}`, hook: `${pascal(resource)}${pascal(row.method)}` };
  // Where the rule gives two operations one name (a resource whose name has no plural, say), the
  // second is named after its operationId instead, which is unique.
  const exportsOf = (n: Names) => [
    `${n.base}QueryOptions`,
    `use${n.hook}`,
    `useSuspense${n.hook}`,
    `use${n.hook}Infinite`,
  ];
  const byOperationId = { base: camelCase(row.operationId), hook: pascal(camelCase(row.operationId)) };
  const names = exportsOf(preferred).some((name) => claim.taken(name)) ? byOperationId : preferred;
  const op = JSON.stringify(row.operationId);
  const result = `OperationResult<${op}>`;
  const hasQuery = row.queryParams.length > 0;
  const paramsType = hasQuery ? `OperationQuery<${op}> & QueryScope` : "QueryScope";
  const idArgs = ids.map((id) => `${id}: OperationPathParams<${op}>[${JSON.stringify(id)}]`);
  const key =
    row.method === "list"
      ? `${keys}.list(params)`
      : row.method === "retrieve"
        ? `${keys}.detail(${ids[0]}, params)`
        : `${keys}.action(${JSON.stringify(row.method)}, ${ids[0] ?? "null"}, params)`;
  const callArgs = [...ids, ...(hasQuery ? ["query"] : []), "{ signal, organizationId }"].join(", ");
  const split = hasQuery ? "const { organizationId, ...query } = params;" : "const { organizationId } = params;";
  const optionsName = claim(`${names.base}QueryOptions`, row.operationId);
  const hookName = claim(`use${names.hook}`, row.operationId);
  const suspenseName = claim(`useSuspense${names.hook}`, row.operationId);
  const signature = [...idArgs, `params: ${paramsType} = {}`].join(", ");
  const passArgs = [...ids, "params"].join(", ");
  let code = `${doc(row)}
export function ${optionsName}(client: HogkitClient, ${signature}): HogkitQueryOptions<${result}> {
  ${split}
  return {
    queryKey: dataTag<${result}>(${key}),
    queryFn: ({ signal }) => client.${row.resource}.${row.method}(${callArgs}),
    retry: retryUnlessApiError,
  };
}

${doc(row)}
export function ${hookName}(${[...idArgs, `params: ${paramsType} = {}`, `options: QueryHookOptions<${result}> = {}`].join(", ")}): UseQueryResult<${result}, PostHogApiError> {
  return useQuery({ ...${optionsName}(useHogkitClient(), ${passArgs}), ...options });
}

${doc(row)}
export function ${suspenseName}(${[...idArgs, `params: ${paramsType} = {}`, `options: SuspenseHookOptions<${result}> = {}`].join(", ")}): UseSuspenseQueryResult<${result}, PostHogApiError> {
  return useSuspenseQuery({ ...${optionsName}(useHogkitClient(), ${passArgs}), ...options });
}`;
  if (row.pagination?.style === "offset") {
    const infiniteOptions = claim(`${names.base}InfiniteQueryOptions`, row.operationId);
    const infiniteHook = claim(`use${names.hook}Infinite`, row.operationId);
    const infiniteParams = `Omit<OperationQuery<${op}>, "offset"> & QueryScope`;
    code += `

/** All pages of \`${row.resource}.${row.method}\`, fetched one \`offset\` page at a time (for "load more" lists). */
export function ${infiniteOptions}(client: HogkitClient, ${[...idArgs, `params: ${infiniteParams} = {}`].join(", ")}): HogkitInfiniteQueryOptions<${result}> {
  const { organizationId, ...query } = params;
  return {
    queryKey: dataTag<InfiniteData<${result}, number>>([...${key}, "infinite"]),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      client.${row.resource}.${row.method}(${[...ids, "{ ...query, offset: pageParam }", "{ signal, organizationId }"].join(", ")}),
    getNextPageParam: nextOffset,
    retry: retryUnlessApiError,
  };
}

/** \`useInfiniteQuery\` over \`${row.resource}.${row.method}\`: \`data.pages\`, \`fetchNextPage()\`, \`hasNextPage\`. */
export function ${infiniteHook}(${[...idArgs, `params: ${infiniteParams} = {}`, `options: Omit<UseInfiniteQueryOptions<${result}, PostHogApiError, InfiniteData<${result}, number>, readonly unknown[], number>, "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam"> = {}`].join(", ")}): UseInfiniteQueryResult<InfiniteData<${result}, number>, PostHogApiError> {
  return useInfiniteQuery({ ...${infiniteOptions}(useHogkitClient(), ${passArgs}), ...options });
}`;
  }
  return code;
}

function mutationHookName(row: OperationRow, qualified: boolean): string {
  const singular = pascal(singularOf(row.resource));
  if (CRUD_MUTATIONS.has(row.method)) return `use${pascal(row.method)}${singular}`;
  return qualified ? `use${singular}${pascal(row.method)}` : `use${pascal(row.method)}`;
}

function mutation(
  row: OperationRow,
  hookName: string,
  keys: string,
  detailSchema: string | null,
  claim: Claim,
): string {
  const ids = idParams(row);
  const op = JSON.stringify(row.operationId);
  const hook = claim(claim.taken(hookName) ? `use${pascal(camelCase(row.operationId))}` : hookName, row.operationId);
  const variables = `${pascal(hook.slice(3))}Variables`;
  claim(variables, row.operationId);
  const fields = [
    ...ids.map((id) => `  ${id}: OperationPathParams<${op}>[${JSON.stringify(id)}];`),
    ...(row.body ? [`  body${row.body.required ? "" : "?"}: OperationBody<${op}>;`] : []),
    ...(row.queryParams.length ? [`  query?: OperationQuery<${op}>;`] : []),
    "  /** Another organization than the client's default (`@current`). */",
    "  organizationId?: string;",
  ];
  const effect =
    row.httpMethod === "DELETE"
      ? "remove-detail"
      : ids.length && row.responseSchema !== null && row.responseSchema === detailSchema
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
  const result = `OperationResult<${op}>`;
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
