/**
 * pnpm generate [--check] [--spec FILE] [--overlay FILE|--no-overlay] [--names FILE] [--out DIR] [--only a,b]
 *
 * Turns the OpenAPI document (spec/projects.openapi.yaml plus its overlay) into the generated code
 * of every package, and brings the names file (spec/projects.names.yaml) up to date: recorded names
 * are kept, new operations and schemas get theirs. `--check` writes nothing and exits 1 when a
 * generated file or the names file is missing, stale or left over. `--spec`/`--out` point the same
 * pipeline at another document and directory (the upstream snapshot benchmark uses them).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatNamesFile, readNamesFile } from "../lib/names/index.ts";
import { loadSpec } from "../lib/spec-model/index.ts";
import type { GeneratedFile } from "./context.ts";
import { emitters } from "./emitters.ts";
import { handWrittenExports } from "./hand-written-exports.ts";
import { buildModel } from "./model.ts";

const root = resolve(import.meta.dirname, "../..");

async function main(): Promise<number> {
  const started = performance.now();
  const { values } = parseArgs({
    options: {
      check: { type: "boolean", default: false },
      spec: { type: "string", default: join(root, "spec/projects.openapi.yaml") },
      overlay: { type: "string" },
      "no-overlay": { type: "boolean", default: false },
      names: { type: "string" },
      out: { type: "string", default: root },
      // e.g. `--only types,operation-table`: the emitters named (emitTypes, emitOperationTable), no others.
      only: { type: "string" },
    },
  });
  const specFile = resolve(values.spec);
  const out = resolve(values.out);
  const spec = loadSpec(specFile, values["no-overlay"] ? null : values.overlay ? resolve(values.overlay) : undefined);
  const inRepository = !relative(root, specFile).startsWith("..");
  const namesFile = values.names ? resolve(values.names) : namesPathOf(specFile);
  const context = buildModel({
    document: spec.effective,
    recorded: readNamesFile(namesFile),
    // Read only when a name is new: a run whose names are all recorded never parses the entries.
    reserved: () => handWrittenExports(join(root, "packages")),
    specLabel: inRepository ? relative(root, specFile) : specFile.replace(/^.*\//, ""),
  });
  // The names file is read beside the spec (or from --names) and written back there when that is in
  // the repository; a spec from elsewhere (the upstream benchmark) gets its names file under --out.
  const files: GeneratedFile[] = [
    {
      path: inRepository || values.names ? relative(root, namesFile) : namesFile.replace(/^.*\//, ""),
      contents: formatNamesFile(context.names),
    },
  ];
  for (const emit of selectEmitters(values.only)) files.push(...(await emit(context)));

  const problems = values.check ? check(out, files) : write(out, files);
  const ms = Math.round(performance.now() - started);
  const schemas = Object.keys(context.document.components?.schemas ?? {}).length;
  const verb = values.check ? (problems.length ? "stale" : "up to date") : `${problems.length} written`;
  console.log(
    `generate: ${context.operations.length} operations, ${schemas} schemas, ${files.length} files (${verb}) in ${ms} ms`,
  );
  if (values.check && problems.length) {
    console.error(`Generated code is out of date with ${context.specLabel}:`);
    for (const problem of problems) console.error(`  ${problem}`);
    console.error("Run `pnpm generate` and commit the result. Generated files are never edited by hand.");
    return 1;
  }
  return 0;
}

/** `spec/projects.openapi.yaml` → `spec/projects.names.yaml`. */
function namesPathOf(specFile: string): string {
  return join(dirname(specFile), specFile.replace(/^.*\//, "").replace(/(\.openapi)?\.(ya?ml|json)$/, ".names.yaml"));
}

function selectEmitters(only: string | undefined) {
  if (!only) return emitters;
  const wanted = only.split(",").map((name) => `emit${name.replace(/-/g, "")}`.toLowerCase());
  const chosen = emitters.filter((emit) => wanted.includes(emit.name.toLowerCase()));
  if (chosen.length !== wanted.length) {
    throw new Error(
      `--only ${only}: known emitters are ${emitters.map((e) => e.name.replace(/^emit/, "")).join(", ")}`,
    );
  }
  return chosen;
}

/**
 * Generated directories hold nothing but generated files, so leftovers there are stale too. Only
 * `generated/` directories count: an emitter may also refresh a marked region of a hand-written
 * file (the client README's operations table), whose neighbours are not generated.
 */
function leftovers(out: string, files: GeneratedFile[]): string[] {
  const expected = new Set(files.map((f) => f.path));
  const dirs = new Set(files.map((f) => dirname(f.path)).filter((dir) => dir.split(/[\\/]/).includes("generated")));
  const extra: string[] = [];
  for (const dir of dirs) {
    const absolute = join(out, dir);
    if (!existsSync(absolute)) continue;
    for (const name of readdirSync(absolute)) {
      const path = join(dir, name);
      if (!expected.has(path)) extra.push(path);
    }
  }
  return extra.sort();
}

function check(out: string, files: GeneratedFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const absolute = join(out, file.path);
    if (!existsSync(absolute)) problems.push(`missing: ${file.path}`);
    else if (readFileSync(absolute, "utf8") !== file.contents) problems.push(`stale:   ${file.path}`);
  }
  for (const path of leftovers(out, files)) problems.push(`extra:   ${path}`);
  return problems;
}

function write(out: string, files: GeneratedFile[]): string[] {
  const changed: string[] = [];
  for (const path of leftovers(out, files)) {
    rmSync(join(out, path), { recursive: true });
    changed.push(path);
  }
  for (const file of files) {
    const absolute = join(out, file.path);
    if (existsSync(absolute) && readFileSync(absolute, "utf8") === file.contents) continue;
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.contents);
    changed.push(file.path);
  }
  return changed;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`generate failed: ${error.message}`);
    process.exit(2);
  },
);
