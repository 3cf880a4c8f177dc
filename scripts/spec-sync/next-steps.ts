/**
 * What `pnpm spec:sync` tells a maintainer to run after it wrote the spec: the spec:diff that
 * records the release as a changeset, against the committed (HEAD) spec and names file. Those go to
 * files from `mktemp`, never to a fixed path such as /tmp/old.yaml that another run or another user
 * of the machine may hold, and are removed afterwards.
 */

/** One shell line for `sh`, run from the repository root; paths are relative to it. */
export function releaseCommand(paths: { spec: string; overlay: string | null }): string {
  const names = namesFileOf(paths.spec);
  const overlay = paths.overlay ? ` --overlay ${shellWord(paths.overlay)}` : "";
  return [
    "old=$(mktemp) && old_names=$(mktemp) &&",
    `git show ${shellWord(`HEAD:${paths.spec}`)} > "$old" && git show ${shellWord(`HEAD:${names}`)} > "$old_names" &&`,
    `pnpm spec:diff "$old" ${shellWord(paths.spec)}${overlay} --names ${shellWord(names)} --old-names "$old_names" --changeset;`,
    'rm -f "$old" "$old_names"',
  ].join(" ");
}

/** `spec/projects.openapi.yaml` → `spec/projects.names.yaml`, the names file `pnpm generate` keeps beside it. */
function namesFileOf(spec: string): string {
  return spec.replace(/(\.openapi)?\.(ya?ml|json)$/, ".names.yaml");
}

/** A word the shell takes literally: as it is when that is safe, else single-quoted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
