// Node users' test of the MSW handlers: node:test over the shared msw scenarios (msw.mjs is msw.ts
// without types). The consumer's package.json says which msw major it installed.
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { mswScenarios } from "./msw.mjs";

const mswMajor = Number(/\d+/.exec(JSON.parse(readFileSync("package.json", "utf8")).dependencies.msw)[0]);
for (const scenario of mswScenarios({ mswMajor })) test(scenario.name, { timeout: 30_000 }, scenario.run);
