// Node CommonJS users' test: node:test over the shared contract, compiled to require() calls.
const { test } = require("node:test");
const { contractScenarios, spawnMock } = require("./contract.cjs");

const startMock = spawnMock([process.execPath, "node_modules/.bin/hogkit-mock"]);
for (const scenario of contractScenarios({ startMock })) test(scenario.name, { timeout: 30_000 }, scenario.run);
