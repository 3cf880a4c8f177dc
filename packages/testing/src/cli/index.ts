#!/usr/bin/env node
/**
 * hogkit-mock --port 8010 --seed 42 [--host 127.0.0.1] [--data file.json]
 *
 * Serves the fake Projects API over HTTP and prints what a script needs to call it: the URL, a
 * personal API key with every scope and a session cookie. `--data` is a JSON file with any of
 * `organizations`, `projects`, `keys` (the options of createFakePostHog). Stops on SIGINT/SIGTERM.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createFakeCore, type FakePostHogOptions } from "../fake/fake-core.js";
import { listen } from "../fake/http-server.js";

function fail(message: string): never {
  console.error(`hogkit-mock: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; seed?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", default: "8010" },
        host: { type: "string", default: "127.0.0.1" },
        seed: { type: "string", default: "1" },
        data: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log("usage: hogkit-mock [--port 8010] [--host 127.0.0.1] [--seed 1] [--data file.json]");
    return;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}"`);
  if (!Number.isFinite(seed)) fail(`--seed must be a number, got "${values.seed}"`);
  let data: FakePostHogOptions = {};
  if (values.data) {
    try {
      data = JSON.parse(readFileSync(values.data, "utf8")) as FakePostHogOptions;
    } catch (error) {
      fail(`cannot read --data ${values.data}: ${(error as Error).message}`);
    }
  }
  const fake = createFakeCore({ ...data, seed });
  const server = await listen(fake.handle, { port, host: values.host }).catch((error: Error) =>
    fail(`cannot listen on ${values.host}:${port}: ${error.message}`),
  );
  // Handlers first: whoever reads the banner may signal us right away.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`hogkit-mock: ${signal}, shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const session = fake.createSession();
  console.log(`hogkit-mock: fake PostHog Projects API on ${server.url}`);
  console.log(`  organization (@current): ${fake.organizationId}`);
  console.log(`  personal API key, every scope: ${fake.apiKey}`);
  console.log(`  session (session-only operations): Cookie: ${session.cookie}`);
  console.log(
    `  try: curl -H "Authorization: Bearer ${fake.apiKey}" ${server.url}/api/organizations/@current/projects/`,
  );
}

main().catch((error: Error) => fail(error.message));
