/** The README's quick start, type-checked against the built package exactly as a user imports it. */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const here = resolve(import.meta.dirname, "..");
const scratch = join(here, "test/.tmp-readme");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function quickStart(): string {
  const readme = readFileSync(join(here, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"));
  const block = section.match(/```ts\n([\s\S]*?)```/);
  if (!block?.[1]) throw new Error("README.md has no ```ts block under ## Quick start");
  return block[1];
}

// Users run both TypeScript 5.9 and the native TypeScript 7 compiler: the quick start must pass both.
describe.each([
  ["TypeScript 5.9", "node_modules/typescript/bin/tsc"],
  ["TypeScript 7", "node_modules/typescript7/bin/tsc"],
])("the README quick start under %s", (_, compiler) => {
  it("type-checks against @hogkit/types' published exports", async () => {
    const dir = join(scratch, compiler.split("/")[1] ?? "tsc");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "quick-start.ts"), quickStart());
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext" },
        files: ["quick-start.ts"],
      }),
    );
    // Resolves "@hogkit/types" through the package's own `exports` (self-reference), i.e. dist/.
    const result = await run(process.execPath, [join(here, compiler), "-p", join(dir, "tsconfig.json")]).catch(
      (e) => e,
    );
    expect(`${result.stdout ?? ""}${result.stderr ?? ""}`).toBe("");
  });
});
