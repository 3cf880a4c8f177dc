// Bun users' test: bun:test over the shared contract; tsc checks it with bun-types.
import { test } from "bun:test";
import { contractScenarios, spawnMock } from "./contract.ts";

const startMock = spawnMock([process.execPath, "node_modules/.bin/hogkit-mock"]);
for (const scenario of contractScenarios({ startMock })) test(scenario.name, scenario.run, 30_000);
