/**
 * The one rule that turns an operationId into an SDK resource and method name; no operation is
 * mapped by hand.
 *
 * 1. The resource is the operation's first tag, camelCased (`projects`).
 * 2. A leading `<tag>_` is removed from the operationId (`projects_rotate_secret_token_partial_update`
 *    → `rotate_secret_token_partial_update`).
 * 3. The Django REST framework verb at the end is split off: `list`, `create`, `retrieve`, `update`,
 *    `partial_update` or `destroy`.
 * 4. A bare verb is a CRUD method: list → `list`, create → `create`, retrieve → `retrieve`,
 *    partial_update → `update`, update (PUT) → `replace`, destroy → `delete`.
 * 5. Anything before the verb is an action, camelCased without the verb
 *    (`rotate_secret_token_partial_update` → `rotateSecretToken`).
 * 6. When two operations of one resource would get the same name, each of them keeps its verb
 *    (`activityRetrieve`, `activityList`); a clash that remains is an error.
 */

const DRF_VERBS = ["partial_update", "update", "retrieve", "list", "create", "destroy"] as const;
type DrfVerb = (typeof DRF_VERBS)[number];

const CRUD_NAMES: Record<DrfVerb, string> = {
  list: "list",
  create: "create",
  retrieve: "retrieve",
  partial_update: "update",
  update: "replace",
  destroy: "delete",
};

export interface MethodNameInput {
  operationId: string;
  tags?: string[];
}

export interface MethodName {
  resource: string;
  method: string;
}

export function camelCase(words: string): string {
  const parts = words
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
  const joined = parts.map((part, index) => (index === 0 ? part : part[0]?.toUpperCase() + part.slice(1))).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || "_";
}

function splitVerb(name: string): { action: string; verb: DrfVerb | null } {
  for (const verb of DRF_VERBS) {
    if (name === verb) return { action: "", verb };
    if (name.endsWith(`_${verb}`)) return { action: name.slice(0, -verb.length - 1), verb };
  }
  return { action: name, verb: null };
}

function baseName(operationId: string, tag: string | undefined): string {
  const prefix = tag ? `${tag.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase()}_` : "";
  return prefix && operationId.startsWith(prefix) && operationId.length > prefix.length
    ? operationId.slice(prefix.length)
    : operationId;
}

/** Names every operation of a document at once, so that clashes are resolved by rule 6. */
export function nameOperations(operations: MethodNameInput[]): MethodName[] {
  const first = operations.map(({ operationId, tags }) => {
    const tag = tags?.[0];
    const resource = camelCase(tag ?? "default");
    const { action, verb } = splitVerb(baseName(operationId, tag));
    const short = action ? camelCase(action) : verb ? CRUD_NAMES[verb] : camelCase(operationId);
    const long = camelCase(action ? `${action}_${verb ?? ""}` : verb ? CRUD_NAMES[verb] : operationId);
    return { resource, short, long };
  });
  const counts = new Map<string, number>();
  for (const { resource, short } of first)
    counts.set(`${resource}.${short}`, (counts.get(`${resource}.${short}`) ?? 0) + 1);
  const named = first.map(({ resource, short, long }) => ({
    resource,
    method: (counts.get(`${resource}.${short}`) ?? 0) > 1 ? long : short,
  }));
  const seen = new Map<string, string>();
  named.forEach(({ resource, method }, index) => {
    const key = `${resource}.${method}`;
    const other = seen.get(key);
    if (other) {
      throw new Error(
        `operations ${other} and ${operations[index]?.operationId} both map to ${key}; rename one operationId`,
      );
    }
    seen.set(key, operations[index]?.operationId ?? "");
  });
  return named;
}
