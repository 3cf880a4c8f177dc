/**
 * The compiler's words, under TypeScript 5.9 and 7: a read-only field in a request body is an error
 * that names the field and says it is read-only, in an object literal and in a variable alike.
 */
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const here = resolve(import.meta.dirname, "..");
const scratch = join(here, "test/.tmp-messages");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const source = `import type { ProjectCreate, ProjectUpdate } from "@hogkit/types";

export const literal: ProjectUpdate = { name: "Web", api_token: "phc_x" };
const fromElsewhere = { id: 12, name: "Web" };
export const variable: ProjectCreate = fromElsewhere;
export const fine: ProjectUpdate = { name: "Web", timezone: "Europe/Berlin" };
`;

describe.each([
  ["TypeScript 5.9", "node_modules/typescript/bin/tsc"],
  ["TypeScript 7", "node_modules/typescript7/bin/tsc"],
])("under %s", (_, compiler) => {
  it("names each read-only field a body carries, and nothing else", async () => {
    const dir = join(scratch, compiler.split("/")[1] ?? "tsc");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "body.ts"), source);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext" },
        files: ["body.ts"],
      }),
    );
    const result = await run(process.execPath, [
      join(here, compiler),
      "-p",
      join(dir, "tsconfig.json"),
      "--pretty",
      "false",
    ]).then(
      () => ({ stdout: "" }),
      (error: { stdout: string }) => error,
    );
    // `--pretty false`: TypeScript 7 colours its output whenever FORCE_COLOR is set, even to "0".
    const errors = result.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/body\.ts\(3,\d+\).*'string' is not assignable to type 'ReadOnlyField<"api_token">'/);
    expect(result.stdout).toMatch(/'number' is not assignable to type 'ReadOnlyField<"id">'/);
  });
});
