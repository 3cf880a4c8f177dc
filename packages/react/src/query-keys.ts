/**
 * Query keys, one factory per resource, shaped for TanStack Query's prefix matching:
 * `all → lists → list(params)` and `all → details → detail(id) → action(name, params)`, so that
 * invalidating `lists()` hits every page and `detail(id)` hits a project and its action queries.
 * Params live in one object (hashKey sorts object keys, so `{a, b}` and `{b, a}` are one entry).
 */
/** Any params object (interfaces included, so no index signature is required). */
export type QueryParams = object;

export function createQueryKeys<const Resource extends string>(resource: Resource) {
  const all = ["hogkit", resource] as const;
  return {
    all,
    lists: () => [...all, "list"] as const,
    list: (params: QueryParams = {}) => [...all, "list", compact(params)] as const,
    details: () => [...all, "detail"] as const,
    detail: (id: number | string, params: QueryParams = {}) => [...all, "detail", id, compact(params)] as const,
    action: (name: string, id: number | string | null, params: QueryParams = {}) =>
      id === null
        ? ([...all, "action", name, compact(params)] as const)
        : ([...all, "detail", id, compact(params), name] as const),
  };
}

/** Drops undefined values, so `list({ limit: undefined })` and `list()` share a cache entry. */
function compact(params: QueryParams): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

export type QueryKeys = ReturnType<typeof createQueryKeys>;
