// Deno users' test of the MSW handlers: Deno.test over the shared msw scenarios; deno.json maps the
// packages to npm: specifiers.
import { readFileSync } from "node:fs";
import { mswScenarios } from "./msw.ts";

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: { msw: string } };
const mswMajor = Number(/\d+/.exec(manifest.dependencies.msw)?.[0]);
for (const scenario of mswScenarios({ mswMajor })) Deno.test({ name: scenario.name, fn: scenario.run });
