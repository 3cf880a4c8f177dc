// Bun users' test of the MSW handlers: bun:test over the shared msw scenarios.
import { test } from "bun:test";
import { readFileSync } from "node:fs";
import { mswScenarios } from "./msw.ts";

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: { msw: string } };
const mswMajor = Number(/\d+/.exec(manifest.dependencies.msw)?.[0]);
for (const scenario of mswScenarios({ mswMajor })) test(scenario.name, scenario.run, 30_000);
