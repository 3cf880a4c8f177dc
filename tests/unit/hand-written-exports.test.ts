/**
 * The names hand-written code exports, which generated names must leave alone: read from each
 * package's entries with TypeScript's parser, and checked against every name the names file records.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { handWrittenExports } from "../../scripts/generate/hand-written-exports.ts";
import { buildModel } from "../../scripts/generate/model.ts";
import { emptyNames, handWrittenClashes, readNamesFile } from "../../scripts/lib/names/index.ts";
import { loadSpec } from "../../scripts/lib/spec-model/index.ts";

const root = resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "hogkit-exports-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writePackage(dir: string, files: Record<string, string | object>): string {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof contents === "string" ? contents : JSON.stringify(contents));
  }
  return dir;
}

describe("handWrittenExports", () => {
  it("lists what a package's entries export, through export * chains, leaving generated re-exports out", () => {
    const packages = join(scratch, "ok");
    writePackage(join(packages, "alpha"), {
      "package.json": {
        exports: {
          ".": { import: { types: "./dist/index.d.ts", default: "./dist/index.js" } },
          "./extra": "./dist/extra.js",
          "./package.json": "./package.json",
        },
      },
      "src/index.ts": `
export { createAlpha, type AlphaOptions } from "./create.js";
export * from "./errors/index.js";
export * from "./view.js";
export type * from "./types.js";
export * as helpers from "./helpers.js";
export {
  renamed as publicName,
} from "./internal.js";
export * from "./generated/things.js";
export type { Thing } from "@hogkit/types";
export { thingsList } from "./generated/funcs.js";
export const VERSION = "1", { first, nested: [second] } = { first: 1, nested: [2] };
export async function localFn(): Promise<void> {}
export default function ignored() {}
const hidden = 1;
export { hidden as shown };
`,
      "src/errors/index.ts": 'export class AlphaError extends Error {}\nexport * from "./not-found.js";\n',
      "src/errors/not-found.ts": "export class NotFound {}\nexport interface NotFoundInit {}\n",
      "src/types.ts": "export type AlphaType = string;\nexport enum Mode { A }\n",
      "src/extra/index.ts": "export const extra = 1;\n",
      "src/view.tsx": "export function View() {\n  return null;\n}\n",
      "src/internal-only.ts": "export const internalOnly = 1;\n",
    });
    mkdirSync(join(packages, "not-a-package"));
    expect(handWrittenExports(packages)).toEqual({
      alpha: [
        "AlphaError",
        "AlphaOptions",
        "AlphaType",
        "Mode",
        "NotFound",
        "NotFoundInit",
        "VERSION",
        "View",
        "createAlpha",
        "extra",
        "first",
        "helpers",
        "localFn",
        "publicName",
        "second",
        "shown",
      ],
    });
  });

  it("says which export it cannot find the source of, and what it looked for", () => {
    const packages = join(scratch, "missing");
    writePackage(join(packages, "beta"), { "package.json": { exports: { "./gone": "./dist/gone.js" } } });
    expect(() => handWrittenExports(packages)).toThrow(
      /^missing\/beta\/package.json: cannot find the source of export "\.\/gone" \(\.\/dist\/gone\.js\); expected src\/gone\.ts or src\/gone\.tsx or src\/gone\/index\.ts/,
    );
  });

  it("refuses an export * of another library, whose names it cannot list", () => {
    const packages = join(scratch, "library");
    writePackage(join(packages, "gamma"), {
      "package.json": { exports: { ".": "./dist/index.js" } },
      "src/index.ts": 'export * from "some-library";\n',
    });
    expect(() => handWrittenExports(packages)).toThrow(/cannot list the names of `export \* from "some-library"`/);
  });
});

describe("hand-written exports of the real packages", () => {
  const reserved = handWrittenExports(join(root, "packages"));
  const recorded = readNamesFile(join(root, "spec/projects.names.yaml"));

  it("come through the entries' export * chains too (the errors of @hogkit/client via ./core.js)", () => {
    expect(reserved.client).toContain("NotFoundError");
    for (const pkg of ["client", "react", "testing", "types"]) expect(reserved[pkg]?.length, pkg).toBeGreaterThan(0);
  });

  it("take no name the names file records for the same package", () => {
    expect(handWrittenClashes(recorded, reserved)).toEqual([]);
  });

  it("would be caught taking one: a hand-written react export named like a recorded hook", () => {
    const [key, names] = Object.entries(recorded.operations).find(([, entry]) => entry.hook) ?? [];
    if (!key || !names?.hook) throw new Error("the names file records no hook");
    const clashing = { ...reserved, react: [...(reserved.react ?? []), names.hook] };
    expect(handWrittenClashes(recorded, clashing)).toEqual([`react: ${names.hook} (${key} hook)`]);
  });

  it("are read by the generator only when a name is new, once", () => {
    const { effective } = loadSpec(join(root, "spec/projects.openapi.yaml"));
    let reads = 0;
    const source = () => {
      reads++;
      return reserved;
    };
    const build = (names: typeof recorded) =>
      buildModel({ document: effective, recorded: names, reserved: source, specLabel: "spec/projects.openapi.yaml" });
    const allRecorded = build(recorded);
    expect(reads).toBe(0);
    expect(allRecorded.reserved()).toBe(reserved);
    allRecorded.reserved();
    expect(reads).toBe(1);
    reads = 0;
    const fresh = build(emptyNames());
    expect(reads).toBe(1);
    fresh.reserved();
    expect(reads).toBe(1);
  });
});
