/**
 * The README's quick start is a test: its two code blocks are written out as they are and run with
 * Vitest against the built package (imported as `@hogkit/testing`, by self-reference), and
 * type-checked with tsc. So are its other examples that are whole test files (`ts title="….test.ts"`). The README ships to npm, so its links are absolute and it cites no local path.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";

const run = promisify(execFile);
const here = resolve(import.meta.dirname, "..");
const scratch = join(here, "test/.tmp-readme");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function block(title: string): string {
  const readme = readFileSync(join(here, "README.md"), "utf8");
  const match = readme.match(new RegExp(`\`\`\`ts title="${title.replace(".", "\\.")}"\\n([\\s\\S]*?)\`\`\``));
  if (!match?.[1]) throw new Error(`README.md has no \`\`\`ts title="${title}" block`);
  return match[1];
}

it("the quick start test is ten lines of test code, and it passes with Vitest + MSW", async () => {
  const test = block("project-names.test.ts");
  const body = test.split("\n").filter((line) => line.trim() && !line.startsWith("import "));
  expect(body.length).toBeLessThanOrEqual(10);
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, "project-names.ts"), block("project-names.ts"));
  writeFileSync(join(scratch, "project-names.test.ts"), test);
  writeFileSync(join(scratch, "vitest.config.ts"), "export default { test: { include: ['*.test.ts'] } };\n");
  const vitest = join(here, "node_modules/vitest/vitest.mjs");
  const result = await run(process.execPath, [vitest, "run", "--root", scratch], { cwd: scratch }).catch((e) => e);
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  expect(output, output).toMatch(/Tests\s+.*1 passed/);
  expect(result.code ?? 0, output).toBe(0);
});

it("the quick start type-checks against the published declarations", async () => {
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, "project-names.ts"), block("project-names.ts"));
  writeFileSync(join(scratch, "project-names.test.ts"), block("project-names.test.ts"));
  writeFileSync(
    join(scratch, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        skipLibCheck: true,
        lib: ["ES2022", "DOM"],
        types: [],
      },
      files: ["project-names.ts", "project-names.test.ts"],
    }),
  );
  const tsc = join(here, "node_modules/typescript/bin/tsc");
  const result = await run(process.execPath, [tsc, "-p", join(scratch, "tsconfig.json")]).catch((e) => e);
  expect(`${result.stdout ?? ""}${result.stderr ?? ""}`).toBe("");
});

/** Writes README blocks into their own folder and runs them with Vitest, then tsc, against the built package. */
async function runBlocks(folder: string, titles: string[]): Promise<{ vitest: string; code: number; tsc: string }> {
  const dir = join(scratch, folder);
  mkdirSync(dir, { recursive: true });
  for (const title of titles) writeFileSync(join(dir, title), block(title));
  writeFileSync(join(dir, "vitest.config.ts"), "export default { test: { include: ['*.test.ts'] } };\n");
  const vitest = join(here, "node_modules/vitest/vitest.mjs");
  const result = await run(process.execPath, [vitest, "run", "--root", dir], { cwd: dir }).catch((e) => e);
  const compilerOptions = { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext" };
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, skipLibCheck: true, lib: ["ES2022", "DOM"], types: [] },
      files: titles,
    }),
  );
  const tsc = join(here, "node_modules/typescript/bin/tsc");
  const checked = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")]).catch((e) => e);
  return {
    vitest: `${result.stdout ?? ""}${result.stderr ?? ""}`,
    code: result.code ?? 0,
    tsc: `${checked.stdout ?? ""}${checked.stderr ?? ""}`,
  };
}

it.each([
  ["the createSchemaValidator() example", "schema-check.test.ts"],
  ["the page factory example (iterate() over buildProjectsPage pages from MSW)", "project-pages.test.ts"],
])("%s passes with Vitest and type-checks", async (_, title) => {
  const { vitest, code, tsc } = await runBlocks(title.replace(".test.ts", ""), [title]);
  expect(vitest, vitest).toMatch(/Tests\s+.*1 passed/);
  expect(code, vitest).toBe(0);
  expect(tsc).toBe("");
});

it("ships to npm: every link is absolute and no local path is cited", () => {
  const readme = readFileSync(join(here, "README.md"), "utf8");
  const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1] ?? "");
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toMatch(/^https:\/\//);
  for (const link of links.filter((l) => l.includes("github.com/hogkit/")))
    expect(link).toMatch(/^https:\/\/github\.com\/hogkit\/hogkit\/(tree|blob)\/main\//);
  expect(readme).not.toMatch(/(^|[\s`(])\/(tmp|work|home|Users)\//m);
});
