/**
 * Every public name of a spec: the recorded ones as recorded, the rest by rules.ts, clashes
 * resolved by registry.ts. Namespaces: the methods of one client resource (`client.projects.*`);
 * the factories of @hogkit/testing; and one shared by every exported identifier (functions, hooks,
 * query options, keys, types), so no two packages ever export one name for two things.
 */
import {
  OPERATION_NAME_PACKAGE,
  RESOURCE_NAME_PACKAGE,
  type ReservedNames,
  type ReservedNamesSource,
  SCHEMA_NAME_PACKAGE,
} from "./exporting-package.ts";
import type { NamesFile, OperationNames, ResourceNames, SchemaNames } from "./names-file.ts";
import { assign, type Claim } from "./registry.ts";
import {
  bodyTypeCandidates,
  factoryCandidates,
  friendlyTypeCandidates,
  functionCandidates,
  iteratorCandidates,
  keysCandidates,
  methodCandidates,
  mutationHookCandidates,
  type OperationFacts,
  pascal,
  pathShape,
  queryBaseCandidates,
  resourceTypeCandidates,
} from "./rules.ts";

export interface NamingInput {
  operations: OperationFacts[];
  /** Every component schema of the document. */
  schemas: string[];
}

const single = (names: string[]) => names.map((name) => [name]);

/** Which package exports each kind of claim (the last word of its owner), by the names it holds. */
const PACKAGE_OF: Record<string, string | null> = {
  type: RESOURCE_NAME_PACKAGE.type,
  keys: RESOURCE_NAME_PACKAGE.keys,
  function: OPERATION_NAME_PACKAGE.function,
  iterateFunction: OPERATION_NAME_PACKAGE.iterateFunction,
  query: OPERATION_NAME_PACKAGE.hook,
  infinite: OPERATION_NAME_PACKAGE.infiniteHook,
  mutation: OPERATION_NAME_PACKAGE.mutationHook,
  body: OPERATION_NAME_PACKAGE.body,
  schema: SCHEMA_NAME_PACKAGE.type,
};

export function assignNames(input: NamingInput, recorded: NamesFile, reserved: ReservedNamesSource = {}): NamesFile {
  const ops = input.operations.map((op) => {
    const record = recorded.operations[op.key];
    const resource = record?.client.split(".")[0] ?? op.resource;
    return { ...op, resource, record };
  });

  // Client methods, then iterators, per resource.
  const methods = new Map<string, string>();
  const iterators = new Map<string, string>();
  for (const resource of new Set(ops.map((op) => op.resource))) {
    const mine = ops.filter((op) => op.resource === resource);
    const recordedIterators = mine.flatMap((op) =>
      op.record?.iterate ? [op.record.iterate.split(".")[1] as string] : [],
    );
    const assignedMethods = assign(
      mine.map((op) => ({
        owner: op.key,
        candidates: single(methodCandidates(op)),
        recorded: op.record ? [op.record.client.split(".")[1] as string] : undefined,
      })),
      recordedIterators,
    );
    for (const [key, [name]] of assignedMethods) methods.set(key, name as string);
    const assignedIterators = assign(
      mine
        .filter((op) => op.offsetPages)
        .map((op) => ({
          owner: op.key,
          candidates: single(iteratorCandidates(methods.get(op.key) as string)),
          recorded: op.record?.iterate ? [op.record.iterate.split(".")[1] as string] : undefined,
        })),
      [...assignedMethods.values()].flat(),
    );
    for (const [key, [name]] of assignedIterators) iterators.set(key, name as string);
  }

  // Every exported identifier, in one namespace.
  const claims: Claim[] = [];
  const resources = [...new Set(ops.map((op) => op.resource))];
  for (const resource of resources) {
    const record = recorded.resources[resource];
    claims.push(
      {
        owner: `${resource} type`,
        candidates: single(resourceTypeCandidates(resource)),
        recorded: recordedList(record?.type),
      },
      { owner: `${resource} keys`, candidates: single(keysCandidates(resource)), recorded: recordedList(record?.keys) },
    );
  }
  for (const op of ops) {
    const method = methods.get(op.key) as string;
    const r = op.record;
    claims.push({
      owner: `${op.key} function`,
      candidates: single(functionCandidates(op.resource, method)),
      recorded: recordedList(r?.function),
    });
    const iterator = iterators.get(op.key);
    if (iterator) {
      claims.push({
        owner: `${op.key} iterateFunction`,
        candidates: single(functionCandidates(op.resource, iterator)),
        recorded: recordedList(r?.iterateFunction),
      });
    }
    if (op.httpMethod === "GET") {
      const bases = queryBaseCandidates(op.resource, method, pathShape(op.path, op.resource).item);
      claims.push({
        owner: `${op.key} query`,
        candidates: bases.map(({ base, hook }) => [`${base}QueryOptions`, `use${hook}`, `useSuspense${hook}`]),
        recorded: recordedList(r?.queryOptions, r?.hook, r?.suspenseHook),
      });
      if (op.offsetPages) {
        claims.push({
          owner: `${op.key} infinite`,
          candidates: bases.map(({ base, hook }) => [`${base}InfiniteQueryOptions`, `use${hook}Infinite`]),
          recorded: recordedList(r?.infiniteQueryOptions, r?.infiniteHook),
        });
      }
    } else {
      claims.push({
        owner: `${op.key} mutation`,
        candidates: mutationHookCandidates(op.resource, method).map((hook) => [hook, `${hook.slice(3)}Variables`]),
        numbered: (n) => {
          const hook = `${mutationHookCandidates(op.resource, method).at(-1)}${n}`;
          return [hook, `${hook.slice(3)}Variables`];
        },
        recorded: recordedList(r?.mutationHook, r?.mutationVariables),
      });
    }
    if (op.bodyNeedsType) {
      claims.push({
        owner: `${op.key} body`,
        candidates: single(bodyTypeCandidates(op.resource, method)),
        recorded: recordedList(r?.body),
      });
    }
  }
  for (const schema of input.schemas) {
    claims.push({
      owner: `schema ${schema} type`,
      candidates: single(friendlyTypeCandidates(schema)),
      recorded: recordedList(recorded.schemas[schema]?.type),
    });
  }
  let read: ReservedNames | undefined;
  const reservedNames = () => (read ??= typeof reserved === "function" ? reserved() : reserved);
  const global = assign(claims.map((claim) => avoidReserved(claim, reservedNames)));
  const factories = assign(
    input.schemas.map((schema) => ({
      owner: schema,
      candidates: single(factoryCandidates(schema)),
      recorded: recordedList(recorded.schemas[schema]?.factory),
    })),
  );

  const name = (owner: string, index = 0) => global.get(owner)?.[index];
  const result: NamesFile = { resources: {}, operations: {}, schemas: {} };
  for (const resource of resources) {
    result.resources[resource] = { type: name(`${resource} type`), keys: name(`${resource} keys`) } as ResourceNames;
  }
  for (const op of ops) {
    const method = methods.get(op.key) as string;
    const iterator = iterators.get(op.key);
    const entry: OperationNames = {
      client: `${op.resource}.${method}`,
      function: name(`${op.key} function`) as string,
    };
    if (iterator) {
      entry.iterate = `${op.resource}.${iterator}`;
      entry.iterateFunction = name(`${op.key} iterateFunction`);
    }
    if (global.has(`${op.key} query`)) {
      [entry.queryOptions, entry.hook, entry.suspenseHook] = global.get(`${op.key} query`) as string[];
    }
    if (global.has(`${op.key} infinite`)) {
      [entry.infiniteQueryOptions, entry.infiniteHook] = global.get(`${op.key} infinite`) as string[];
    }
    if (global.has(`${op.key} mutation`)) {
      [entry.mutationHook, entry.mutationVariables] = global.get(`${op.key} mutation`) as string[];
    }
    if (global.has(`${op.key} body`)) entry.body = name(`${op.key} body`);
    result.operations[op.key] = entry;
  }
  for (const schema of input.schemas) {
    result.schemas[schema] = {
      type: name(`schema ${schema} type`),
      factory: factories.get(schema)?.[0],
    } as SchemaNames;
  }
  return result;
}

/** A new claim never takes a name the hand-written code of its package exports. */
function avoidReserved(claim: Claim, reserved: () => ReservedNames): Claim {
  if (claim.recorded) return claim;
  const kind = claim.owner.startsWith("schema ") ? "schema" : (claim.owner.split(" ").at(-1) as string);
  const taken = new Set(reserved()[PACKAGE_OF[kind] ?? ""] ?? []);
  const free = claim.candidates.filter((names) => !names.some((name) => taken.has(name)));
  const last = claim.candidates.at(-1) ?? [];
  const numbered = claim.numbered ?? ((n: number) => last.map((name) => `${name}${n}`));
  return {
    ...claim,
    candidates: free.length ? free : [numbered(2)],
    numbered: (n) => numbered(free.length ? n : n + 1),
  };
}

/** The recorded names of one claim, or undefined unless every one of them is recorded. */
function recordedList(...names: Array<string | undefined>): string[] | undefined {
  return names.every((name) => name !== undefined) ? (names as string[]) : undefined;
}

export { pascal };
