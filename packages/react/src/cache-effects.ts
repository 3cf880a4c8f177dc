/**
 * What a successful mutation does to the cache. The generator picks one per operation from the
 * spec: an operation that answers with the resource's detail shape writes it into the detail
 * entry; a DELETE removes it; anything else refetches what it may have changed. Lists are always
 * invalidated, since a change to one project can move it in or out of any page.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { QueryKeys } from "./query-keys.js";

export type CacheEffect = "write-detail" | "remove-detail" | "invalidate-detail" | "invalidate-lists";

export interface EffectTarget {
  keys: QueryKeys;
  /** The resource id the mutation was about, when it has one. */
  id?: number | string;
  /** Query params that are part of the detail key (the organization, when not the default). */
  params: Record<string, unknown>;
}

export async function applyCacheEffect(
  queryClient: QueryClient,
  effect: CacheEffect,
  target: EffectTarget,
  data: unknown,
): Promise<void> {
  const { keys, id, params } = target;
  if (id !== undefined) {
    if (effect === "write-detail") queryClient.setQueryData(keys.detail(id, params), data);
    if (effect === "remove-detail") queryClient.removeQueries({ queryKey: keys.detail(id) });
    if (effect === "invalidate-detail") await queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  }
  // Refetching lists is a background refresh: don't make the mutation wait for it.
  void queryClient.invalidateQueries({ queryKey: keys.lists() });
}
