/**
 * The behaviour of every operation, assembled by operationId from the resource modules: a module's
 * named behaviour, else the behaviour derived from the operation's effect on that module's store.
 * A resource no module declares gets the fallback's store (record-store.ts), else no records at all.
 */
import type { OperationInfo } from "@hogkit/types";
import type { Behaviour, EngineContext } from "./context.js";
import { derivedBehaviour } from "./derived.js";
import type { Resource } from "./resource.js";

export type BehaviourOf<C extends EngineContext> = (row: OperationInfo) => Behaviour<C>;

export function createRegistry<C extends EngineContext>(
  operations: readonly OperationInfo[],
  // biome-ignore lint/suspicious/noExplicitAny: each module has its own record type; the registry only passes them through
  resources: ReadonlyArray<Resource<C, any>>,
  // biome-ignore lint/suspicious/noExplicitAny: as above
  fallback?: (name: string) => Resource<C, any>,
): BehaviourOf<C> {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const byName = new Map<string, Resource<C, any>>(resources.map((resource) => [resource.name, resource]));
  const behaviours = new Map<string, Behaviour<C>>();
  for (const row of operations) {
    if (fallback && !byName.has(row.resource)) byName.set(row.resource, fallback(row.resource));
    const resource = byName.get(row.resource);
    behaviours.set(row.operationId, resource?.behaviours?.[row.operationId] ?? derivedBehaviour(resource));
  }
  return (row) => {
    const behaviour = behaviours.get(row.operationId);
    if (!behaviour) throw new Error(`operation ${row.operationId} is not in the fake's operation table`);
    return behaviour;
  };
}
