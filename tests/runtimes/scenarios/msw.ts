/**
 * The MSW scenarios of the runtime matrix: @hogkit/testing's handlers under msw's `setupServer`, in
 * consumer projects that install msw 2 or msw 3 from the registry (`npm install`, no flags: the
 * optional peer range `^2 || ^3` must satisfy npm). Node runs this file stripped of types by esbuild,
 * Bun runs it as TypeScript. The contract scenarios (scenarios/contract.ts) run in consumers without
 * msw; these need it.
 *
 * Each scenario starts its own `setupServer` (msw patches the runtime's `fetch` and `http`, so only
 * one may listen at a time; the runners run a file's tests in sequence) and closes it at the end.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createClient, NotFoundError, PermissionDeniedError, type PostHogClient } from "@hogkit/client";
import { createFakePostHog, type FakePostHog } from "@hogkit/testing";
import { mswHandlers } from "@hogkit/testing/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";

export interface Scenario {
  name: string;
  run: () => Promise<void>;
}

/** Which msw major the consumer installed: the scenarios check they run against that one. */
export interface MswOptions {
  mswMajor: number;
}

/** A host nobody serves: every request to it must be answered by a handler, or fail. */
const HOST = "https://posthog.fake.test";
const backoff = { baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 5, maxRetryAfterMs: 10 };

type Server = ReturnType<typeof setupServer>;

interface Mocked {
  fake: FakePostHog;
  server: Server;
  client: () => PostHogClient;
  sessionClient: () => PostHogClient;
}

/** `server.listen()` with unhandled requests failing: msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame. */
function listenStrictly(server: Server, mswMajor: number): void {
  const options = mswMajor >= 3 ? { onUnhandledFrame: "error" } : { onUnhandledRequest: "error" };
  server.listen(options as Parameters<Server["listen"]>[0]);
}

/** Runs `body` with a fresh fake behind `setupServer(...handlers(fake))`; unhandled requests fail. */
async function withMsw(
  mswMajor: number,
  body: (mocked: Mocked) => Promise<void>,
  handlers: (fake: FakePostHog) => ReturnType<typeof mswHandlers> = mswHandlers,
): Promise<void> {
  const fake = createFakePostHog({ seed: 11, keys: [{ scopes: ["*"] }], projects: [{ name: "Web" }, { name: "App" }] });
  const server = setupServer(...handlers(fake));
  listenStrictly(server, mswMajor);
  try {
    await body({
      fake,
      server,
      client: () => createClient({ host: HOST, apiKey: fake.apiKey, backoff }),
      sessionClient: () => createClient({ host: HOST, headers: { cookie: fake.createSession().cookie }, backoff }),
    });
  } finally {
    server.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected the call to fail");
}

export function mswScenarios({ mswMajor }: MswOptions): Scenario[] {
  return [
    {
      name: "msw: the installed major",
      run: async () => {
        const { version } = JSON.parse(readFileSync("node_modules/msw/package.json", "utf8")) as { version: string };
        assert.equal(Number(version.split(".")[0]), mswMajor, `msw ${version} installed`);
      },
    },
    {
      name: "msw: CRUD through mswHandlers",
      run: () =>
        withMsw(mswMajor, async ({ fake, client }) => {
          const posthog = client();
          const created = await posthog.projects.create({ name: "Checkout", timezone: "Europe/Berlin" });
          assert.equal(created.timezone, "Europe/Berlin");
          assert.equal((await posthog.projects.list()).count, 3);
          assert.equal((await posthog.projects.retrieve(created.id)).name, "Checkout");
          assert.equal((await posthog.projects.update(created.id, { anonymize_ips: true })).anonymize_ips, true);
          await posthog.projects.delete(created.id);
          assert.equal(fake.db.project(created.id)?.is_pending_deletion, true);
          const missing = await rejection(posthog.projects.retrieve(9999));
          assert.ok(missing instanceof NotFoundError);
          const invalid = (await rejection(
            posthog.projects.create({ name: "Mars", timezone: "Mars/Olympus" as "UTC" }),
          )) as {
            status?: number;
          };
          assert.equal(invalid.status, 400);
        }),
    },
    {
      name: "msw: session and key",
      run: () =>
        withMsw(mswMajor, async ({ client, sessionClient }) => {
          const refused = await rejection(client().projects.resetToken(1));
          assert.ok(refused instanceof PermissionDeniedError);
          assert.equal(refused.sessionOnly, true);
          const before = await sessionClient().projects.retrieve(1);
          const reset = await sessionClient().projects.resetToken(1);
          assert.notEqual(reset.api_token, before.api_token);
        }),
    },
    {
      name: "msw: fake.handlers",
      // The older spelling: msw loaded by the main entry on first read (registered by the /msw entry
      // above in ESM; the same slot serves the CommonJS build).
      run: () =>
        withMsw(
          mswMajor,
          async ({ client }) => {
            assert.equal((await client().projects.list()).count, 2);
          },
          (fake) => fake.handlers,
        ),
    },
    {
      name: "msw: other requests untouched",
      run: () =>
        withMsw(mswMajor, async ({ server, client }) => {
          server.use(
            http.get(`${HOST}/health`, () => HttpResponse.json({ ok: true })),
            // A test's own override of one operation wins over the fake's handler.
            http.get(`${HOST}/api/organizations/:org/projects/2/`, () =>
              HttpResponse.json({ detail: "Overridden." }, { status: 503 }),
            ),
          );
          assert.deepEqual(await (await fetch(`${HOST}/health`)).json(), { ok: true });
          const overridden = (await rejection(client().projects.retrieve(2))) as { status?: number };
          assert.equal(overridden.status, 503);
          assert.equal((await client().projects.retrieve(1)).name, "Web");
          // Not an API path: no handler of the fake claims it, so msw reports it unhandled.
          await assert.rejects(fetch(`${HOST}/elsewhere`));
        }),
    },
    {
      name: "msw: CommonJS build",
      // The CommonJS build of @hogkit/testing/msw requires msw (msw 3 is ESM-only: require(esm)).
      run: async () => {
        const require = createRequire(`${process.cwd()}/`);
        const cjs = require("@hogkit/testing/msw") as { mswHandlers: typeof mswHandlers };
        const { createFakePostHog: createCjsFake } = require("@hogkit/testing") as {
          createFakePostHog: typeof createFakePostHog;
        };
        const fake = createCjsFake({ seed: 2, keys: [{ scopes: ["*"] }], projects: [{ name: "Cjs" }] });
        const server = setupServer(...cjs.mswHandlers(fake));
        listenStrictly(server, mswMajor);
        try {
          const project = await createClient({ host: HOST, apiKey: fake.apiKey, backoff }).projects.retrieve(1);
          assert.equal(project.name, "Cjs");
        } finally {
          server.close();
        }
      },
    },
  ];
}
