// Node ESM users' test: node:test over the shared contract (contract.mjs is contract.ts without types).
import { test } from "node:test";
import { contractScenarios, spawnMock } from "./contract.mjs";

const startMock = spawnMock([process.execPath, "node_modules/.bin/hogkit-mock"]);
for (const scenario of contractScenarios({ startMock })) test(scenario.name, { timeout: 30_000 }, scenario.run);
