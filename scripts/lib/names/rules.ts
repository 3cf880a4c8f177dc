/**
 * The naming rules: for every public name hogkit generates, the candidates in order of preference.
 * They read path + HTTP method (and the tag, which our spec sets), never upstream operationIds,
 * which PostHog renumbers (`list_2`, `create_2`) whenever a route is mounted twice. Which candidate
 * an artifact gets is decided by registry.ts: a recorded name always wins, and a new operation
 * takes its first candidate nobody holds.
 *
 * Client methods, from the path after the resource's collection segment (the one named like the tag):
 * - no further segment: GET `list`, POST `create` on the collection; GET `retrieve`, PUT `replace`,
 *   PATCH `update`, DELETE `delete` on an item (`{id}`);
 * - further segments are an action: `/{id}/rotate_secret_token/` → `rotateSecretToken`, whatever the
 *   HTTP method; if the resource already has that name, the action takes its verb
 *   (`activity` → `activityCreate`).
 */

export interface OperationFacts {
  /** `GET /api/…/projects/{id}/`. */
  key: string;
  path: string;
  httpMethod: string;
  /** The SDK resource: the operation's first tag, camelCased (`projects`). */
  resource: string;
  /** Offset-paginated list (`iterate…`, infinite queries). */
  offsetPages: boolean;
  /** The request body's component schema is also one the server sends, so its body needs its own type. */
  bodyNeedsType: boolean;
}

const CRUD_MUTATIONS = new Set(["create", "update", "replace", "delete"]);
const ITEM_CRUD: Record<string, string> = { GET: "retrieve", PUT: "replace", PATCH: "update", DELETE: "delete" };
const COLLECTION_CRUD: Record<string, string> = { GET: "list", POST: "create" };
const VERB: Record<string, string> = { POST: "Create", PUT: "Replace", PATCH: "Update", DELETE: "Delete" };

export function camelCase(words: string): string {
  const parts = words
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
  const joined = parts.map((part, index) => (index === 0 ? part : part[0]?.toUpperCase() + part.slice(1))).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || "_";
}

export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** `projects` → `project`; a resource without a final s stays as it is. */
export const singularOf = (resource: string): string =>
  resource.endsWith("ies") ? `${resource.slice(0, -3)}y` : resource.endsWith("s") ? resource.slice(0, -1) : resource;

const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);
const normalizeWord = (word: string) => word.replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/** Where the path is: on the collection or on one item, and the action words after it. */
export function pathShape(path: string, resource: string): { item: boolean; action: string[] } {
  const segments = path.split("/").filter(Boolean);
  const wanted = normalizeWord(resource);
  let at = segments.map(normalizeWord).lastIndexOf(wanted);
  if (at < 0) {
    // No segment named like the resource: the collection is the last literal followed by a parameter.
    const literals = segments.map((segment, i) => (isParam(segment) ? -1 : i)).filter((i) => i >= 0);
    const beforeParam = literals.filter((i) => isParam(segments[i + 1] ?? ""));
    at = beforeParam.at(-1) ?? literals.at(-1) ?? -1;
  }
  const rest = segments.slice(at + 1);
  const item = rest.length > 0 && isParam(rest[0] as string);
  return { item, action: rest.filter((segment) => !isParam(segment)) };
}

/** The client method candidates: the rule's name, then the name with its verb. */
export function methodCandidates(op: OperationFacts): string[] {
  const { item, action } = pathShape(op.path, op.resource);
  const method = op.httpMethod.toUpperCase();
  if (action.length === 0) {
    return [(item ? ITEM_CRUD : COLLECTION_CRUD)[method] ?? camelCase(method)];
  }
  const base = camelCase(action.join("_"));
  const verb = method === "GET" ? (op.offsetPages ? "List" : "Retrieve") : (VERB[method] ?? pascal(camelCase(method)));
  return [base, `${base}${verb}`];
}

/** `iterate` for `list`, `iterateActivity` for any other paginated method. */
export const iteratorCandidates = (method: string): string[] => [
  method === "list" ? "iterate" : `iterate${pascal(method)}`,
];

/** `projectsList`, `projectsIterate`: `<resource><Method>`, standalone functions of @hogkit/client/funcs. */
export const functionCandidates = (resource: string, method: string): string[] => [`${resource}${pascal(method)}`];

/** The React names of a GET operation: `<base>QueryOptions`, `use<Hook>`, `useSuspense<Hook>`, infinite twins. */
export function queryBaseCandidates(
  resource: string,
  method: string,
  item: boolean,
): Array<{ base: string; hook: string }> {
  const singular = singularOf(resource);
  const preferred =
    method === "list"
      ? { base: resource, hook: pascal(resource) }
      : method === "retrieve"
        ? { base: singular, hook: pascal(singular) }
        : item
          ? { base: `${singular}${pascal(method)}`, hook: `${pascal(singular)}${pascal(method)}` }
          : { base: `${resource}${pascal(method)}`, hook: `${pascal(resource)}${pascal(method)}` };
  // A resource without a plural gives list and retrieve one name: the second is qualified.
  return [preferred, { base: `${resource}${pascal(method)}`, hook: `${pascal(resource)}${pascal(method)}` }];
}

/** `useUpdateProject` for CRUD, `useRotateSecretToken` for an action, qualified by the resource on a clash. */
export function mutationHookCandidates(resource: string, method: string): string[] {
  const singular = pascal(singularOf(resource));
  if (CRUD_MUTATIONS.has(method)) return [`use${pascal(method)}${singular}`, `use${pascal(method)}${pascal(resource)}`];
  return [`use${pascal(method)}`, `use${singular}${pascal(method)}`, `use${pascal(resource)}${pascal(method)}`];
}

/** `projectKeys`, else `projectsKeys`. */
export const keysCandidates = (resource: string): string[] => [`${singularOf(resource)}Keys`, `${resource}Keys`];

/** The type of `client.projects`. */
export const resourceTypeCandidates = (resource: string): string[] => [`${pascal(resource)}Resource`];

/** The request body type of an operation whose body schema the server also sends: `ProjectCreate`. */
export const bodyTypeCandidates = (resource: string, method: string): string[] => [
  `${pascal(singularOf(resource))}${pascal(method)}`,
  `${pascal(resource)}${pascal(method)}Body`,
];

/**
 * The friendly type of a component schema, by one rule:
 * 1. drop `BackwardCompat` (PostHog's serializer-versioning noise): `ProjectBackwardCompat` → `Project`;
 * 2. `Paginated<X>List` → plural of X without a trailing `Basic`, plus `Page`: → `ProjectsPage`;
 * 3. `Patched<X>` (drf-spectacular's PATCH body) → `<X>Update`: → `ProjectUpdate`;
 * 4. drop a trailing `Enum`: `TimezoneEnum` → `Timezone`.
 * The schema's own name is the fallback.
 */
export function friendlyTypeCandidates(schema: string): string[] {
  const name = schema.replaceAll("BackwardCompat", "");
  const page = name.match(/^Paginated(.+)List$/);
  const friendly = page?.[1]
    ? `${plural(page[1].replace(/(.)Basic$/, "$1"))}Page`
    : name.match(/^Patched(.+)$/)?.[1]
      ? `${name.slice("Patched".length)}Update`
      : name.replace(/(.)Enum$/, "$1");
  return friendly === schema ? [schema] : [friendly, schema];
}

/** `build<Friendly>`: one factory per component schema in @hogkit/testing. */
export const factoryCandidates = (schema: string): string[] => [
  ...friendlyTypeCandidates(schema).map((name) => `build${name}`),
];

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
