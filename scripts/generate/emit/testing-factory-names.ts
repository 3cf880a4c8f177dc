/**
 * The factory name of each component schema, by one rule (no per-schema table):
 *
 * 1. drop `BackwardCompat` (PostHog's serializer-versioning noise): `ProjectBackwardCompat` → `Project`;
 * 2. `Paginated<X>List` → plural of X without a trailing `Basic`, plus `Page`: `PaginatedProjectBackwardCompatBasicList` → `ProjectsPage`;
 * 3. `Patched<X>` (drf-spectacular's PATCH body) → `<X>Update`: `PatchedProjectBackwardCompat` → `ProjectUpdate`;
 * 4. drop a trailing `Enum`: `TimezoneEnum` → `Timezone`;
 * 5. prefix `build`. When two schemas would get the same name, both keep their full schema name.
 *
 * These match the friendly type names of `@hogkit/types` (`Project`, `ProjectsPage`, `ProjectUpdate`, `Timezone`).
 */
export function friendlySchemaName(schema: string): string {
  const name = schema.replaceAll("BackwardCompat", "");
  const page = name.match(/^Paginated(.+)List$/);
  if (page?.[1]) return `${plural(page[1].replace(/(.)Basic$/, "$1"))}Page`;
  const patched = name.match(/^Patched(.+)$/);
  if (patched?.[1]) return `${patched[1]}Update`;
  return name.replace(/(.)Enum$/, "$1");
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `build<Friendly>` for every schema; colliding friendly names fall back to the schema's own name. */
export function factoryNames(schemas: string[]): Map<string, string> {
  const friendly = new Map(schemas.map((schema) => [schema, friendlySchemaName(schema)]));
  const counts = new Map<string, number>();
  for (const name of friendly.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const schema of schemas) {
    const name = friendly.get(schema) as string;
    names.set(schema, `build${(counts.get(name) ?? 0) > 1 ? schema : name}`);
  }
  const taken = new Map<string, string>();
  for (const [schema, name] of names) {
    const other = taken.get(name);
    if (other) throw new Error(`factory name ${name} is claimed by both ${other} and ${schema}`);
    taken.set(name, schema);
  }
  return names;
}
