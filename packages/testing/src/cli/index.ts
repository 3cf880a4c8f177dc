#!/usr/bin/env node
/**
 * hogkit-mock [--port 8010] [--host 127.0.0.1] [--seed 1] [--data file.json] [--empty]
 *
 * Serves the fake Projects API over HTTP and prints what a script needs to call it: the URL, a
 * personal API key with every scope, a session cookie, and a ready `export POSTHOG_HOST=…
 * POSTHOG_PERSONAL_API_KEY=…` line to run in another shell. It starts with a few demo projects
 * unless `--empty` (or `--data` brings projects of its own). `--data` is a JSON file with any of `organizations`,
 * `projects`, `keys` (the options of createFakePostHog), checked like requests are. Stops on
 * SIGINT/SIGTERM.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createFakeCore, type FakePostHogOptions } from "../fake/fake-core.js";
import { listen } from "../fake/http-server.js";
import { DEMO_PROJECTS } from "./demo-projects.js";

const USAGE = "usage: hogkit-mock [--port 8010] [--host 127.0.0.1] [--seed 1] [--data file.json] [--empty]";

function fail(message: string): never {
  console.error(`hogkit-mock: ${message}`);
  process.exit(2);
}

function readData(path: string): FakePostHogOptions {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    fail(`cannot read --data ${path}: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    fail(`--data ${path} must hold a JSON object with any of "organizations", "projects", "keys"`);
  }
  const unknown = Object.keys(data).filter((key) => !["organizations", "projects", "keys"].includes(key));
  if (unknown.length)
    fail(`--data ${path}: unknown key(s) ${unknown.join(", ")} (expected organizations, projects, keys)`);
  return data as FakePostHogOptions;
}

async function main(): Promise<void> {
  let values: { port?: string; host?: string; seed?: string; data?: string; empty?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", default: "8010" },
        host: { type: "string", default: "127.0.0.1" },
        seed: { type: "string", default: "1" },
        data: { type: "string" },
        empty: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got "${values.port}"`);
  if (!Number.isFinite(seed)) fail(`--seed must be a number, got "${values.seed}"`);
  const data = values.data ? readData(values.data) : {};
  const projects = data.projects ?? (values.empty ? [] : DEMO_PROJECTS);
  let fake: ReturnType<typeof createFakeCore>;
  try {
    fake = createFakeCore({ ...data, projects, seed });
  } catch (error) {
    // A SeedDataError names the project and the field: `projects[0].timezone: "Mars/Olympus" is not a valid choice.`
    fail(`${values.data ? `--data ${values.data}: ` : ""}${(error as Error).message.replace(/^\[hogkit fake\] /, "")}`);
  }
  const server = await listen(fake, { port, host: values.host }).catch((error: Error & { code?: string }) =>
    fail(
      error.code === "EADDRINUSE"
        ? `port ${port} on ${values.host} is in use (another hogkit-mock?): pass --port <another port>, or --port 0 for any free one`
        : `cannot listen on ${values.host}:${port}: ${error.message}`,
    ),
  );
  // A reader that left (`hogkit-mock | head -2`) is no reason to stop serving: what we print is for
  // people, so a closed stdout only means nobody reads it any more.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
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
  const names = fake.db.projects.map((p) => p.name).join(", ");
  console.log(`hogkit-mock: fake PostHog Projects API on ${server.url}`);
  console.log(`  organization (@current): ${fake.organizationId}`);
  console.log(`  projects: ${fake.db.projects.length ? names : "none (--empty)"}`);
  console.log(`  personal API key, every scope: ${fake.apiKey}`);
  console.log(`  session (session-only operations): Cookie: ${session.cookie}`);
  // This shell is busy serving (in the foreground until Ctrl-C): the export line is for another one.
  console.log("  for @hogkit/client and scripts, run this in another shell (this one is serving):");
  console.log(`export POSTHOG_HOST=${server.url} POSTHOG_PERSONAL_API_KEY=${fake.apiKey}`);
  console.log(
    `  try: curl -H "Authorization: Bearer ${fake.apiKey}" ${server.url}/api/organizations/@current/projects/`,
  );
}

main().catch((error: Error) => fail(error.message));
