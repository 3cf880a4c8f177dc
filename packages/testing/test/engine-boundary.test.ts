/**
 * The fake's engine (src/fake/engine/**) imports no resource: only other engine files, node
 * built-ins, the generated tables and the shared utilities listed here. A resource module builds on
 * the engine, never the other way round, so a new resource cannot change how the others are served.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");
const ENGINE = join(SRC, "fake/engine");

/** What the engine may import from outside engine/: the generated tables and shared utilities. */
const ALLOWED_PACKAGES = new Set(["@hogkit/types"]);
const ALLOWED_FILES = new Set(
  ["generated/schemas.ts", "factories.ts", "schema-validator.ts", "schema-document.ts"].map((file) => join(SRC, file)),
);

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? engineFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The imports of one file (static, `export … from`, `import()` and type-only alike) that leave the engine. */
function outsideImports(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => {
      if (specifier.startsWith("node:")) return false;
      if (!specifier.startsWith(".")) return !ALLOWED_PACKAGES.has(specifier);
      const target = resolve(dirname(file), specifier).replace(/\.js$/, ".ts");
      return !target.startsWith(`${ENGINE}/`) && !ALLOWED_FILES.has(target);
    });
}

describe("the fake's engine", () => {
  it("imports no resource file, only itself, node built-ins, generated tables and listed utilities", () => {
    const files = engineFiles(ENGINE);
    // The walk found the engine (a wrong path would make this pass with nothing checked).
    expect(files.map((file) => relative(ENGINE, file))).toEqual(
      expect.arrayContaining(["derived.ts", "registry.ts", "resource.ts", "dispatch.ts", "schema-serializer.ts"]),
    );
    const offending = files.flatMap((file) =>
      outsideImports(file, readFileSync(file, "utf8")).map((specifier) => `${relative(SRC, file)} → ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it("the check catches a resource import, a type-only one and an unlisted package", () => {
    const file = join(ENGINE, "derived.ts");
    const text = [
      'import { projectView } from "../projects/records.js";',
      'import type { FakeDatabase } from "../database.js";',
      'export { organizations } from "../organizations/resource.js";',
      'import { parse } from "yaml";',
      'import { readFileSync } from "node:fs";',
      'import { schemaDocument } from "../../generated/schemas.js";',
      'import { json } from "./api-error.js";',
    ].join("\n");
    expect(outsideImports(file, text)).toEqual([
      "../projects/records.js",
      "../database.js",
      "../organizations/resource.js",
      "yaml",
    ]);
  });
});
