/**
 * `host` is typed: a literal that is not a PostHog host fails to compile, with TypeScript's own
 * message, under TypeScript 5.9 and the native TypeScript 7 compiler (the one in @hogkit/types' dev
 * dependencies); a value typed `string` or a template still compiles. Checked against the built
 * declarations, imported through the package's `exports` as a user imports them.
 */
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, "..");
const scratch = join(packageDir, ".tmp-host-types");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const compilers = [
  ["TypeScript 5.9", createRequire(join(packageDir, "package.json")).resolve("typescript/package.json")],
  ["TypeScript 7", createRequire(join(packageDir, "../types/package.json")).resolve("typescript7/package.json")],
] as const;

const consumer = `import { createClient, type ClientOptions } from "@hogkit/client";
import { createCore } from "@hogkit/client/core";
createClient({ host: "eur" });
createCore({ host: "EU" });
declare const fromEnvironment: string;
createClient({ host: fromEnvironment });
createCore({ host: \`\${fromEnvironment}/posthog\` });
const options: ClientOptions<string> = { host: fromEnvironment };
createClient(options);
for (const host of ["us", "eu", "https://posthog.example.com", "http://localhost:8000", "/posthog-proxy"] as const) {
  createClient({ host });
}
`;

describe.each(compilers)("host under %s", (name, manifest) => {
  // A real compiler run: seconds alone, many more while turbo runs every package's tests beside it.
  it('refuses host: "eur" and "EU" with TypeScript\'s message, accepts hosts and strings', async () => {
    const dir = join(scratch, name.replace(/\W+/g, "-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "consumer.ts"), consumer);
    const config = { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext", types: [] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: config, files: ["consumer.ts"] }));
    const tsc = join(dirname(manifest), "bin/tsc");
    const result = await run(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], { cwd: dir }).catch(
      (error: { stdout?: string }) => error,
    );
    const lines = String(result.stdout).trim().split("\n");
    expect(lines).toEqual([
      `consumer.ts(3,16): error TS2322: Type '"eur"' is not assignable to type 'PostHogHost | undefined'.`,
      `consumer.ts(4,14): error TS2820: Type '"EU"' is not assignable to type 'PostHogHost | undefined'. Did you mean '"eu"'?`,
    ]);
  }, 60_000);
});
