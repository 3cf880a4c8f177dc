/**
 * The contract scenarios of the runtime matrix, written once and run everywhere: Node (ESM and
 * CommonJS, stripped of types by esbuild), Deno (`deno test`, imports mapped to `npm:` specifiers)
 * and Bun (`bun test`). It imports the packages exactly as a user does, from the tarballs installed
 * in the consumer project, so a broken `exports` map, a missing file or wrong declarations fail here.
 *
 * Each scenario starts its own fake (`createFakePostHog().listen()` on 127.0.0.1, port 0) in the
 * runtime under test and stops it at the end: scenarios share nothing and need no hooks, which keeps
 * the three test runners' wrappers to a loop. Assertions use `node:assert/strict`, which all three
 * runtimes provide.
 *
 * The consumers that run these scenarios have no msw installed (it is an optional peer of
 * @hogkit/testing): everything here works without it, and "without msw" checks that it is absent and
 * that the MSW parts say so clearly. scenarios/msw.ts covers msw 2 and 3.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  type ClientOptions,
  ConnectionError,
  createClient,
  NotFoundError,
  PermissionDeniedError,
  type PostHogClient,
  type Project,
} from "@hogkit/client";
import { NotFoundError as CoreNotFoundError, createCore } from "@hogkit/client/core";
import { projectsCreate, projectsIterate, projectsList, projectsRetrieve } from "@hogkit/client/funcs";
import { createProxyHandler } from "@hogkit/client/proxy";
import { projectKeys, projectQueryOptions } from "@hogkit/react";
import { createFakePostHog, type FakePostHog } from "@hogkit/testing";
import { operationTable } from "@hogkit/types";
import { QueryClient } from "@tanstack/react-query";

export interface Scenario {
  name: string;
  run: () => Promise<void>;
}

/** A running `hogkit-mock`: its stdout as text, and `stop()` (SIGTERM) resolving to its exit code. */
export interface MockProcess {
  output: AsyncIterable<string>;
  stop: () => Promise<number | null>;
}

/** How this runtime starts the `hogkit-mock` bin of @hogkit/testing, the way its users would. */
export interface RuntimeOptions {
  startMock: (args: string[]) => MockProcess;
}

const OTHER_ORG = "0e0e0e0e-0000-4000-8000-000000000005";
/** Tiny waits so that retries cost milliseconds; the client's defaults are tested in its package. */
const backoff = { baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 5, maxRetryAfterMs: 10 };

interface Running {
  fake: FakePostHog;
  url: string;
  client: (options?: ClientOptions) => PostHogClient;
  sessionClient: () => PostHogClient;
}

/** Runs `body` against a fresh fake served over HTTP in this runtime, then closes the server. */
async function withFake(projectCount: number, body: (running: Running) => Promise<void>): Promise<void> {
  const fake = createFakePostHog({
    seed: 7,
    organizations: [{ name: "Main" }, { id: OTHER_ORG, name: "Other" }],
    keys: [{ scopes: ["*"] }],
    projects: Array.from({ length: projectCount }, (_, i) => ({ name: `Project ${String(i + 1).padStart(3, "0")}` })),
  });
  const server = await fake.listen({ port: 0 });
  try {
    await body({
      fake,
      url: server.url,
      client: (options = {}) => createClient({ host: server.url, apiKey: fake.apiKey, backoff, ...options }),
      sessionClient: () =>
        createClient({ host: server.url, headers: { cookie: fake.createSession().cookie }, backoff }),
    });
  } finally {
    await server.close();
  }
}

/** The rejection of `promise`; fails when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected the call to fail");
}

/** Every operation PostHog refuses personal API keys for (the table's `scopes: null`), as a client call. */
const SESSION_ONLY = operationTable
  .filter((row) => row.scopes === null)
  .map((row): [string, (client: PostHogClient) => Promise<unknown>] => [
    `${row.resource}.${row.method}`,
    (client) => {
      const resource = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[
        row.resource
      ];
      // Project ids for the path, an empty body where one is taken: PostHog refuses the key before reading it.
      const args = [
        ...row.pathParams.filter((p) => p.name !== "organization_id").map(() => 1),
        ...(row.body ? [{}] : []),
      ];
      const method = resource?.[row.method];
      if (!method) throw new Error(`the client has no ${row.resource}.${row.method}`);
      return method(...args);
    },
  ]);

export function contractScenarios(runtime: RuntimeOptions): Scenario[] {
  return [
    {
      name: "create",
      run: () =>
        withFake(1, async ({ fake, client }) => {
          const created = await client().projects.create({ name: "Checkout", timezone: "Europe/Berlin" });
          assert.equal(created.name, "Checkout");
          assert.equal(created.timezone, "Europe/Berlin");
          assert.equal(typeof created.id, "number");
          assert.equal(fake.db.project(created.id)?.name, "Checkout");
        }),
    },
    {
      name: "list",
      run: () =>
        withFake(5, async ({ client }) => {
          const page = await client().projects.list({ limit: 2 });
          assert.equal(page.count, 5);
          assert.deepEqual(
            page.results.map((project) => project.name),
            ["Project 001", "Project 002"],
          );
          assert.match(page.next ?? "", /offset=2/);
        }),
    },
    {
      name: "iterate",
      run: () =>
        withFake(250, async ({ client }) => {
          const urls: string[] = [];
          const posthog = client({ hooks: { onRequest: ({ url }) => void urls.push(url) } });
          const names: string[] = [];
          for await (const project of posthog.projects.iterate({ limit: 100 })) names.push(project.name);
          assert.equal(names.length, 250);
          assert.equal(new Set(names).size, 250);
          assert.equal(names[249], "Project 250");
          assert.equal(urls.length, 3, "three pages of 100");
        }),
    },
    {
      name: "retrieve",
      run: () =>
        withFake(3, async ({ client }) => {
          const project: Project = await client().projects.retrieve(2);
          assert.equal(project.id, 2);
          assert.equal(project.name, "Project 002");
          assert.match(project.api_token ?? "", /^phc_/);
        }),
    },
    {
      name: "standalone functions",
      run: () =>
        withFake(3, async ({ fake, url, client }) => {
          const core = createCore({ host: url, apiKey: fake.apiKey, backoff });
          const created = await projectsCreate(core, { name: "Through funcs" });
          assert.equal((await projectsRetrieve(core, created.id)).name, "Through funcs");
          assert.equal((await projectsList(core, { limit: 1 })).count, 4);
          const names: string[] = [];
          for await (const project of projectsIterate(core, { limit: 2 })) names.push(project.name);
          assert.deepEqual(names, ["Project 001", "Project 002", "Project 003", "Through funcs"]);
          // A client is a core too, and both entries throw the same classes.
          assert.equal((await projectsRetrieve(client(), 1)).name, "Project 001");
          const error = await rejection(projectsRetrieve(core, 9999));
          assert.ok(error instanceof CoreNotFoundError && error instanceof NotFoundError);
        }),
    },
    {
      name: "update",
      run: () =>
        withFake(1, async ({ fake, client }) => {
          const updated = await client().projects.update(1, { name: "Renamed", anonymize_ips: true });
          assert.equal(updated.name, "Renamed");
          assert.equal(updated.anonymize_ips, true);
          assert.equal(fake.db.project(1)?.name, "Renamed");
        }),
    },
    {
      name: "delete",
      run: () =>
        withFake(1, async ({ client }) => {
          const posthog = client();
          await posthog.projects.delete(1);
          assert.equal((await posthog.projects.retrieve(1)).is_pending_deletion, true);
        }),
    },
    {
      name: "key actions",
      run: () =>
        withFake(1, async ({ client }) => {
          const posthog = client();
          const intent = await posthog.projects.addProductIntent(1, { product_type: "surveys" });
          assert.deepEqual(
            intent.product_intents.map((i) => i.product_type),
            ["surveys"],
          );
          const done = await posthog.projects.completeProductOnboarding(1, { product_type: "surveys" });
          assert.notEqual(done.product_intents[0]?.onboarding_completed_at, null);
        }),
    },
    {
      name: "session actions",
      run: () =>
        withFake(1, async ({ sessionClient }) => {
          const posthog = sessionClient();
          const before = await posthog.projects.retrieve(1);
          const reset = await posthog.projects.resetToken(1);
          assert.notEqual(reset.api_token, before.api_token);
          const first = await posthog.projects.rotateSecretToken(1);
          const second = await posthog.projects.rotateSecretToken(1);
          assert.equal(second.secret_api_token_backup, first.secret_api_token);
          assert.equal((await posthog.projects.deleteSecretTokenBackup(1)).secret_api_token_backup, null);
          assert.deepEqual(await posthog.projects.isGeneratingDemoData(1), { is_generating_demo_data: false });
          const activity = await posthog.projects.activity(1);
          assert.ok(activity.results.length > 0, "token changes are recorded as activity");
          const moved = await posthog.projects.changeOrganization(1, { organization_id: OTHER_ORG });
          assert.equal(moved.organization, OTHER_ORG);
        }),
    },
    {
      name: "session only denied",
      run: () =>
        withFake(1, async ({ fake, client }) => {
          assert.ok(SESSION_ONLY.length > 0, "the table marks session-only operations");
          for (const [name, call] of SESSION_ONLY) {
            const error = await rejection(call(client()));
            assert.ok(error instanceof PermissionDeniedError, `${name}: PermissionDeniedError`);
            assert.equal(error.sessionOnly, true, `${name}: sessionOnly`);
            assert.equal(error.status, 403);
            assert.ok(!JSON.stringify(error.toJSON()).includes(fake.apiKey), `${name}: no key in the error`);
          }
        }),
    },
    {
      name: "not found",
      run: () =>
        withFake(1, async ({ client }) => {
          const error = await rejection(client().projects.retrieve(9999));
          assert.ok(error instanceof NotFoundError);
          assert.equal(error.status, 404);
          assert.equal(error.detail, "Not found.");
        }),
    },
    {
      name: "429 retried",
      run: () =>
        withFake(2, async ({ fake, client }) => {
          fake.faults.rateLimit({ times: 1 });
          const retries: number[] = [];
          const page = await client({
            hooks: { onRetry: ({ error }) => void retries.push(error.status ?? 0) },
          }).projects.list();
          assert.equal(page.count, 2);
          assert.deepEqual(retries, [429]);
        }),
    },
    {
      name: "abort",
      run: () =>
        withFake(1, async ({ fake, client }) => {
          fake.faults.latency(5_000, { operationId: "projects_retrieve" });
          const controller = new AbortController();
          const reason = new Error("the user navigated away");
          let attempts = 0;
          const started = Date.now();
          const call = client({ hooks: { onRequest: () => void attempts++ } }).projects.retrieve(1, {
            signal: controller.signal,
          });
          setTimeout(() => controller.abort(reason), 20);
          assert.equal(await rejection(call), reason);
          assert.equal(attempts, 1, "an aborted call is not retried");
          assert.ok(Date.now() - started < 2_000, "the abort ends the call at once");
        }),
    },
    {
      name: "hogkit-mock",
      run: () => mockCliScenario(runtime),
    },
    {
      name: "proxy",
      run: () =>
        withFake(5, async ({ fake, url }) => {
          // The Fetch-API handler as Deno.serve, Bun.serve or a Next.js route would call it.
          const proxy = createProxyHandler({ host: url, apiKey: fake.apiKey, basePath: "/posthog-proxy" });
          const app = "https://app.example";
          // No key (apiKey: null): the proxy adds it.
          const browser = createClient({
            host: `${app}/posthog-proxy`,
            apiKey: null,
            fetch: (input, init) => proxy(new Request(input, init)),
            backoff,
          });
          const names: string[] = [];
          for await (const project of browser.projects.iterate({ limit: 2 })) names.push(project.name);
          assert.deepEqual(names, ["Project 001", "Project 002", "Project 003", "Project 004", "Project 005"]);
          const page = await proxy(new Request(`${app}/posthog-proxy/api/organizations/@current/projects/?limit=2`));
          const text = await page.text();
          // A path on the proxy: no header of the request names the host of a link.
          assert.equal(JSON.parse(text).next, "/posthog-proxy/api/organizations/@current/projects/?limit=2&offset=2");
          assert.equal(page.headers.get("cache-control"), "private, no-store");
          assert.ok(!text.includes(fake.apiKey), "the key is never in an answer");
          const refused = await proxy(new Request(`${app}/posthog-proxy/api/users/@me/`));
          assert.equal(refused.status, 404);
          // Reads only by default; a listed write from another site's page is 403.
          const create = (handler: typeof proxy, headers: Record<string, string>) =>
            handler(
              new Request(`${app}/posthog-proxy/api/organizations/@current/projects/`, {
                method: "POST",
                headers: { "content-type": "application/json", ...headers },
                body: '{"name":"From elsewhere"}',
              }),
            );
          assert.equal((await create(proxy, {})).status, 404);
          const writable = createProxyHandler({ host: url, apiKey: fake.apiKey, allow: ["projects.create"] });
          const attack = await create(writable, { origin: "https://attacker.example", "sec-fetch-site": "cross-site" });
          assert.equal(attack.status, 403);
          assert.equal((await create(writable, { origin: app, "sec-fetch-site": "same-origin" })).status, 201);
          assert.equal(fake.db.projects.filter((p) => p.name === "From elsewhere").length, 1);
        }),
    },
    {
      name: "nothing twice",
      run: async () => {
        // This runtime's fetch, failing the two ways that differ: after the server read the request
        // (which may have run: a POST is not sent again) and before anything left (retried).
        const { createServer } = await import("node:http");
        let received = 0;
        const dropping = createServer((req) => {
          received++;
          req.resume();
          req.on("end", () => req.socket.destroy());
        });
        await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", () => resolve()));
        const port = (dropping.address() as { port: number }).port;
        try {
          const client = createClient({
            host: `http://127.0.0.1:${port}`,
            apiKey: "phx_runtime",
            backoff,
            maxRetries: 3,
          });
          const dropped = await client.projects.create({ name: "Once" }).catch((error: unknown) => error);
          assert.ok(dropped instanceof ConnectionError, String(dropped));
          assert.equal(dropped.mayHaveBeenApplied, true);
          assert.match(dropped.message, /It may have been applied/);
          assert.equal(received, 1);
        } finally {
          await new Promise((resolve) => dropping.close(resolve));
        }
        let retries = 0;
        const refused = createClient({
          host: `http://127.0.0.1:${port}`,
          apiKey: "phx_runtime",
          backoff,
          maxRetries: 2,
          hooks: { onRetry: () => void retries++ },
        });
        const error = await refused.projects.create({ name: "Never sent" }).catch((failure: unknown) => failure);
        assert.ok(error instanceof ConnectionError, String(error));
        assert.equal(error.mayHaveBeenApplied, false, error.message);
        assert.equal(retries, 2);
      },
    },
    {
      name: "without msw",
      run: async () => {
        // A variable specifier, so no bundler or type checker resolves it ahead of time.
        const msw = "msw";
        await assert.rejects(import(msw), "this consumer has no msw installed");
        const fake = createFakePostHog({ seed: 1 });
        assert.throws(() => fake.handlers, /fake\.handlers needs msw.*@hogkit\/testing\/msw/s);
        const entry = "@hogkit/testing/msw";
        await assert.rejects(import(entry), "the MSW entry needs msw");
      },
    },
    {
      name: "react query",
      run: () =>
        withFake(2, async ({ client }) => {
          const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
          const options = projectQueryOptions(client(), 2);
          assert.deepEqual(options.queryKey.slice(0, 4), [...projectKeys.details(), 2]);
          const project = await queryClient.fetchQuery(options);
          assert.equal(project.name, "Project 002");
          assert.equal(queryClient.getQueryData(options.queryKey)?.id, 2);
          queryClient.clear();
        }),
    },
  ];
}

/** `hogkit-mock --port 0` started with this runtime: read its banner, call it, stop it with SIGTERM. */
async function mockCliScenario(runtime: RuntimeOptions): Promise<void> {
  const mock = runtime.startMock(["--port", "0", "--seed", "3"]);
  let output = "";
  const pump = (async () => {
    for await (const chunk of mock.output) output += chunk;
  })();
  try {
    const deadline = Date.now() + 15_000;
    let ready: { url: string; apiKey: string } | undefined;
    while (!ready) {
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const apiKey = /every scope: (phx_\w+)/.exec(output)?.[1];
      // The banner ends with the line a user pastes into their shell.
      if (url && apiKey && /\nexport POSTHOG_HOST=.*\n/.test(output)) ready = { url, apiKey };
      else if (Date.now() > deadline) assert.fail(`hogkit-mock printed no banner in 15 s:\n${output}`);
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The export line names this server and key; without --empty it seeds demo projects.
    assert.ok(
      output.includes(`export POSTHOG_HOST=${ready.url} POSTHOG_PERSONAL_API_KEY=${ready.apiKey}\n`),
      `hogkit-mock prints the export line:\n${output}`,
    );
    const posthog = createClient({ host: ready.url, apiKey: ready.apiKey });
    const demo = await posthog.projects.list();
    assert.ok(demo.count >= 2, `demo projects seeded: ${demo.results.map((project) => project.name).join(", ")}`);
    const before = demo.count;
    const created = await posthog.projects.create({ name: "Made through hogkit-mock" });
    assert.equal((await posthog.projects.list()).count, before + 1);
    assert.equal((await posthog.projects.retrieve(created.id)).name, "Made through hogkit-mock");
  } finally {
    const code = await mock.stop();
    await pump;
    assert.equal(code, 0, `hogkit-mock stops cleanly on SIGTERM:\n${output}`);
    assert.match(output, /SIGTERM, shutting down/);
  }
}

/** startMock for Node and Bun: the bin from node_modules/.bin, run by this runtime's executable. */
export function spawnMock(command: readonly string[]): RuntimeOptions["startMock"] {
  return (args) => {
    const [file, ...rest] = command;
    assert.ok(file, "a command to start hogkit-mock");
    const child = spawn(file, [...rest, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.stdout.setEncoding("utf8");
    return {
      output: child.stdout,
      stop: async () => {
        if (child.exitCode === null) child.kill("SIGTERM");
        return exited;
      },
    };
  };
}
