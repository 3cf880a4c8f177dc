/**
 * The one mutation hook every generated mutation hook wraps: it runs the client call and keeps the
 * cache right (see cache-effects.ts), with an optional optimistic update of the detail entry that
 * is rolled back when the call fails.
 */
import { type QueryClient, type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { applyCacheEffect, type CacheEffect } from "./cache-effects.js";
import type { HogkitClient } from "./client-types.js";
import { useHogkitClient } from "./provider.js";
import type { QueryKeys } from "./query-keys.js";

export interface MutationVariablesBase {
  /** Another organization than the client's default (`@current`). */
  organizationId?: string;
}

/** What `onMutate` hands to `onError` to roll an optimistic update back. */
export interface OptimisticContext {
  previous?: unknown;
  id?: number | string;
  params: Record<string, unknown>;
}

export interface HogkitMutationOptions<TData, TError, TVariables>
  extends Omit<UseMutationOptions<TData, TError, TVariables, OptimisticContext>, "mutationFn"> {
  /**
   * Show the change before PostHog confirms it: the request body is merged into the cached detail
   * entry at once, and the previous value is put back if the call fails.
   */
  optimistic?: boolean;
}

export interface MutationDefinition<TData, TVariables extends MutationVariablesBase> {
  keys: QueryKeys;
  effect: CacheEffect;
  /** Reads the resource id out of the variables, for operations on one item. */
  idOf?: (variables: TVariables) => number | string;
  /** The request body, for optimistic updates. */
  bodyOf?: (variables: TVariables) => unknown;
  call: (client: HogkitClient, variables: TVariables) => Promise<TData>;
}

export function useHogkitMutation<TData, TError, TVariables extends MutationVariablesBase>(
  definition: MutationDefinition<TData, TVariables>,
  options: HogkitMutationOptions<TData, TError, TVariables> = {},
) {
  const client = useHogkitClient();
  const queryClient = useQueryClient();
  const { optimistic = false, onMutate, onError, onSuccess, ...rest } = options;
  return useMutation<TData, TError, TVariables, OptimisticContext>({
    ...rest,
    mutationFn: (variables) => definition.call(client, variables),
    onMutate: async (variables, context) => {
      const target = targetOf(definition, variables);
      const snapshot = optimistic ? await applyOptimistic(queryClient, definition, variables, target) : undefined;
      await onMutate?.(variables, context);
      return { ...target, previous: snapshot };
    },
    onError: (error, variables, saved, context) => {
      if (optimistic && saved?.id !== undefined && saved.previous !== undefined) {
        queryClient.setQueryData(definition.keys.detail(saved.id, saved.params), saved.previous);
      }
      return onError?.(error, variables, saved, context);
    },
    onSuccess: async (data, variables, saved, context) => {
      await applyCacheEffect(
        queryClient,
        definition.effect,
        { keys: definition.keys, ...targetOf(definition, variables) },
        data,
      );
      return onSuccess?.(data, variables, saved, context);
    },
  });
}

function targetOf<TVariables extends MutationVariablesBase>(
  definition: MutationDefinition<unknown, TVariables>,
  variables: TVariables,
): { id?: number | string; params: Record<string, unknown> } {
  const params = variables.organizationId === undefined ? {} : { organizationId: variables.organizationId };
  return definition.idOf ? { id: definition.idOf(variables), params } : { params };
}

async function applyOptimistic<TVariables extends MutationVariablesBase>(
  queryClient: QueryClient,
  definition: MutationDefinition<unknown, TVariables>,
  variables: TVariables,
  target: { id?: number | string; params: Record<string, unknown> },
): Promise<unknown> {
  if (target.id === undefined || !definition.bodyOf) return undefined;
  const key = definition.keys.detail(target.id, target.params);
  // A refetch landing now would overwrite the optimistic value with the old one.
  await queryClient.cancelQueries({ queryKey: key });
  const previous = queryClient.getQueryData(key);
  const body = definition.bodyOf(variables);
  if (previous && typeof previous === "object" && body && typeof body === "object") {
    queryClient.setQueryData(key, { ...previous, ...body });
  }
  return previous;
}
