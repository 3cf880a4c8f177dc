/**
 * pnpm spec:diff <old> <new> [--overlay FILE] [--names FILE] [--old-names FILE] [--changeset] [--slug NAME]
 *
 * Classifies every change between two versions of the spec for a TypeScript user of our packages
 * (rules in diff.ts beside this file) and prints the report grouped by operation and schema. Exits 0
 * whatever it finds: it informs a release, it does not gate one. OpenAPI 3.0 and 3.1 spellings of
 * the same thing are no change.
 *
 * `--overlay FILE` applies the same overlay to both sides first, so that the report speaks about the
 * types users get rather than the document as published. The public names of both sides are compared
 * too: `--old-names` is the names file the old spec was generated with (default: `--names`), `--names`
 * the current one (default: spec/projects.names.yaml); a name removed or renamed is major. `--changeset` writes `.changeset/<slug>.md`
 * bumping every @hogkit/* package by the level found (major / minor / patch), with the report as its
 * body; nothing is written when nothing changed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readNamesFile } from "../lib/names/index.ts";
import { applyOverlay, type OverlayDocument } from "../lib/overlay.ts";
import { checkDocument, normalizeDocument } from "../lib/spec-model/index.ts";
import { parseSpecText } from "../lib/spec-yaml.ts";
import { diffSpecs } from "./diff.ts";
import { formatReport } from "./report.ts";

const root = resolve(import.meta.dirname, "../..");
/** Relative paths on the command line are relative to where the command runs (the repository, under pnpm). */
const userDir = process.cwd();

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      changeset: { type: "boolean", default: false },
      slug: { type: "string" },
      overlay: { type: "string" },
      names: { type: "string" },
      "old-names": { type: "string" },
      "changeset-dir": { type: "string", default: join(root, ".changeset") },
    },
  });
  if (positionals.length !== 2) {
    console.error(
      "usage: pnpm spec:diff <old spec> <new spec> [--overlay FILE] [--names FILE] [--old-names FILE] [--changeset] [--slug NAME]",
    );
    return 2;
  }
  const overlay = values.overlay ? (read(values.overlay) as OverlayDocument) : undefined;
  const [before, after] = positionals.map((file) => {
    const document = normalizeDocument(checkDocument(read(file), file));
    return overlay ? applyOverlay(document, overlay) : document;
  });
  const namesFile = resolve(userDir, values.names ?? join(root, "spec/projects.names.yaml"));
  const oldNamesFile = values["old-names"] ? resolve(userDir, values["old-names"]) : namesFile;
  const names = existsSync(namesFile)
    ? { before: readNamesFile(oldNamesFile), after: readNamesFile(namesFile) }
    : undefined;
  const diff = diffSpecs(before, after, { names });
  console.log(formatReport(diff));
  if (!values.changeset) return 0;
  if (!diff.bump) {
    console.log("spec:diff: no changes, so no changeset written.");
    return 0;
  }
  const dir = resolve(userDir, values["changeset-dir"]);
  const file = join(
    dir,
    `${uniqueSlug(dir, values.slug ?? `posthog-api-${new Date().toISOString().slice(0, 10)}`)}.md`,
  );
  const bumps = packageNames().map((name) => `"${name}": ${diff.bump}`);
  writeFileSync(file, `---\n${bumps.join("\n")}\n---\n\n${formatReport(diff, { markdown: true })}`);
  console.log(`spec:diff: wrote ${file} (${diff.bump} for ${bumps.length} packages)`);
  return 0;
}

function read(file: string): unknown {
  const path = resolve(userDir, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseSpecText(text, file);
}

/** Every publishable @hogkit/* package (the changesets config releases them as one fixed group). */
function packageNames(): string[] {
  const dir = join(root, "packages");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "package.json")))
    .map(
      (entry) =>
        JSON.parse(readFileSync(join(dir, entry.name, "package.json"), "utf8")) as { name?: string; private?: boolean },
    )
    .filter((pkg) => pkg.name?.startsWith("@hogkit/") && !pkg.private)
    .map((pkg) => pkg.name as string)
    .sort();
}

function uniqueSlug(dir: string, base: string): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "posthog-api";
  let slug = clean;
  for (let n = 2; existsSync(join(dir, `${slug}.md`)); n++) slug = `${clean}-${n}`;
  return slug;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`spec:diff failed: ${(error as Error).message}`);
  process.exit(2);
}
