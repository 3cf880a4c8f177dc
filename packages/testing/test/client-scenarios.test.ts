/**
 * Scenarios through `@hogkit/client` (the built package, as users import it) against the fake, over
 * MSW and over the real HTTP server: CRUD, paging through 250 projects, every action (session-only
 * ones with a session cookie), each error class and each fault.
 */
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
} from "@hogkit/client";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakePostHog, createSchemaValidator, type FakePostHog } from "../src/index.js";
import { mswHandlers } from "../src/msw.js";

const OTHER_ORG = "0e0e0e0e-0000-4000-8000-000000000005";
const fake = createFakePostHog({
  seed: 250,
  organizations: [{ name: "Main" }, { id: OTHER_ORG, name: "Other" }],
  keys: [{ scopes: ["*"] }, { key: "phx_read_only", scopes: ["project:read"] }],
  projects: Array.from({ length: 250 }, (_, i) => ({ name: `Project ${String(i + 1).padStart(3, "0")}` })),
});
const validator = createSchemaValidator();
/** Tiny waits so retry tests stay fast; the client's real defaults are in its own tests. */
const backoff = { baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 5, maxRetryAfterMs: 10 };

const msw = setupServer(...mswHandlers(fake));
let server: Awaited<ReturnType<FakePostHog["listen"]>> | undefined;
const transports = [
  { name: "MSW", host: () => "https://us.posthog.com", up: async () => msw.listen(), down: async () => msw.close() },
  {
    name: "HTTP server",
    host: () => server!.url,
    up: async () => {
      server = await fake.listen();
    },
    down: async () => server?.close(),
  },
];

for (const transport of transports) {
  describe(`@hogkit/client over ${transport.name}`, () => {
    beforeAll(transport.up);
    afterAll(transport.down);
    afterEach(() => fake.reset());

    const client = (options: Parameters<typeof createClient>[0] = {}) =>
      createClient({ host: transport.host(), apiKey: fake.apiKey, backoff, ...options });
    const sessionClient = () => {
      const { cookie } = fake.createSession();
      return createClient({ host: transport.host(), headers: { cookie }, backoff });
    };

    it("full CRUD", async () => {
      const posthog = client();
      const created = await posthog.projects.create({ name: "Checkout", timezone: "Europe/Berlin" });
      expect(validator.errors("ProjectBackwardCompat", "read", created)).toBeNull();
      expect((await posthog.projects.retrieve(created.id)).name).toBe("Checkout");
      const updated = await posthog.projects.update(created.id, { name: "Checkout EU", anonymize_ips: true });
      expect(updated).toMatchObject({ name: "Checkout EU", anonymize_ips: true });
      const found = await posthog.projects.list({ search: "checkout" } as never);
      expect(found.results.map((p) => p.id)).toEqual([created.id]);
      await posthog.projects.delete(created.id);
      expect((await posthog.projects.retrieve(created.id)).is_pending_deletion).toBe(true);
      await expect(posthog.projects.delete(created.id)).rejects.toMatchObject({
        status: 400,
        detail: "This project is already being deleted.",
      });
    });

    it("pages through 250 projects with iterate(): 3 requests of 100", async () => {
      const urls: string[] = [];
      const posthog = client({ hooks: { onRequest: ({ url }) => void urls.push(String(url)) } });
      const names: string[] = [];
      for await (const project of posthog.projects.iterate()) names.push(project.name);
      expect(names).toHaveLength(250);
      expect(new Set(names).size).toBe(250);
      expect(names[0]).toBe("Project 001");
      expect(names[249]).toBe("Project 250");
      expect(urls).toHaveLength(3);
      const page = await posthog.projects.list({ limit: 100, offset: 200 });
      expect(page.count).toBe(250);
      expect(page.results).toHaveLength(50);
      expect(page.next).toBeNull();
    });

    it("every action with a personal key where PostHog allows it", async () => {
      const posthog = client({ apiKey: "phx_read_only" });
      const intent = await posthog.projects.addProductIntent(1, { product_type: "surveys" });
      expect(validator.errors("Team", "read", intent)).toBeNull();
      expect(intent.product_intents.map((i) => i.product_type)).toEqual(["surveys"]);
      const done = await posthog.projects.completeProductOnboarding(1, { product_type: "surveys" });
      expect(done.product_intents[0]?.onboarding_completed_at).not.toBeNull();
    });

    it("every session-only action with a session cookie", async () => {
      const posthog = sessionClient();
      const before = await posthog.projects.retrieve(1);
      const reset = await posthog.projects.resetToken(1);
      expect(reset.api_token).not.toBe(before.api_token);
      const first = await posthog.projects.rotateSecretToken(1);
      const second = await posthog.projects.rotateSecretToken(1);
      expect(second.secret_api_token_backup).toBe(first.secret_api_token);
      expect((await posthog.projects.deleteSecretTokenBackup(1)).secret_api_token_backup).toBeNull();
      expect(await posthog.projects.isGeneratingDemoData(1)).toEqual({ is_generating_demo_data: false });
      const activity = await posthog.projects.activity(1, { limit: 2 });
      expect(activity.total_count).toBe(4);
      expect(activity.results).toHaveLength(2);
      expect(activity.next).toContain("page=2");
      const from = fake.organizationId;
      const moved = await posthog.projects.changeOrganization(1, { organization_id: OTHER_ORG });
      expect(moved.organization).toBe(OTHER_ORG);
      // Project 1 was the user's current project: the current organization follows it.
      expect((await posthog.projects.retrieve(1)).organization).toBe(OTHER_ORG);
      const { cookie } = fake.createSession();
      const inOldOrganization = createClient({
        host: transport.host(),
        headers: { cookie },
        organizationId: from,
        backoff,
      });
      await expect(inOldOrganization.projects.retrieve(1)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("a personal key on a session-only action: PermissionDeniedError with sessionOnly", async () => {
      const error = await client()
        .projects.rotateSecretToken(1)
        .catch((e) => e);
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error.sessionOnly).toBe(true);
      expect(error.detail).toBe("This action does not support personal API key access");
      expect(JSON.stringify(error.toJSON())).not.toContain(fake.apiKey);
    });

    it("each error class", async () => {
      const posthog = client({ maxRetries: 0 });
      const bad = await posthog.projects.update(1, { timezone: "Mars/Olympus" as never }).catch((e) => e);
      expect(bad).toBeInstanceOf(BadRequestError);
      expect(bad).toMatchObject({ status: 400, code: "invalid_choice", attr: "timezone" });
      const unknown = await client({ apiKey: "phx_unknown" })
        .projects.list()
        .catch((e) => e);
      expect(unknown).toBeInstanceOf(AuthenticationError);
      expect(unknown.code).toBe("authentication_failed");
      expect(String(unknown)).not.toContain("phx_unknown");
      const scope = await client({ apiKey: "phx_read_only" })
        .projects.create({ name: "X" })
        .catch((e) => e);
      expect(scope).toBeInstanceOf(PermissionDeniedError);
      expect(scope.missingScope).toBe("project:write");
      expect(await posthog.projects.retrieve(9999).catch((e) => e)).toBeInstanceOf(NotFoundError);
      const conflict = await posthog.projects.create({ name: "project 001" }).catch((e) => e);
      expect(conflict).toBeInstanceOf(ConflictError);
      expect(conflict.type).toBe("server_error");
      expect(fake.db.projects).toHaveLength(250);
    });

    it("fault: 429 → RateLimitError without retries, success after one retry", async () => {
      fake.faults.rateLimit({ times: 1 });
      const limited = await client({ maxRetries: 0 })
        .projects.list()
        .catch((e) => e);
      expect(limited).toBeInstanceOf(RateLimitError);
      fake.faults.rateLimit({ times: 1 });
      const retries: number[] = [];
      const page = await client({ hooks: { onRetry: ({ delayMs }) => void retries.push(delayMs) } }).projects.list();
      expect(page.count).toBe(250);
      expect(retries).toHaveLength(1);
    });

    it("fault: 5xx → InternalServerError; a GET is retried, a PATCH is not", async () => {
      fake.faults.serverError({ times: 1 });
      expect((await client().projects.retrieve(1)).id).toBe(1);
      fake.faults.serverError({ times: 1 });
      const patch = await client()
        .projects.update(1, { name: "Never" })
        .catch((e) => e);
      expect(patch).toBeInstanceOf(InternalServerError);
      expect(fake.db.project(1)?.name).toBe("Project 001");
      fake.faults.badGateway({ times: 1 });
      const html = await client({ maxRetries: 0 })
        .projects.list()
        .catch((e) => e);
      expect(html).toBeInstanceOf(InternalServerError);
      expect(html.status).toBe(502);
    });

    it("PostHog's own 500 (activity with a limit that is not an integer): the error says the server failed on that input", async () => {
      // posthog/api/project.py (activity): int(limit) is not guarded, an uncaught ValueError; the
      // operation's docs say so (spec/projects.overlay.yaml). A 502 from a proxy says nothing of the input.
      const error = await sessionClient()
        .projects.activity(1, { limit: "abc" } as never, { maxRetries: 0 })
        .catch((e) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.status).toBe(500);
      expect(error.message).toMatch(
        /^projects\.activity: PostHog answered 500 .*\. PostHog failed on that input: check the arguments against the operation's docs \(GET /,
      );
      fake.faults.badGateway({ times: 1 });
      const gateway = await client({ maxRetries: 0 })
        .projects.list()
        .catch((e) => e);
      expect(gateway.message).not.toContain("failed on that input");
    });

    it("fault: dropped connection → ConnectionError; retried GET succeeds", async () => {
      fake.faults.dropConnection({ times: 1 });
      expect(
        await client({ maxRetries: 0 })
          .projects.list()
          .catch((e) => e),
      ).toBeInstanceOf(ConnectionError);
      fake.faults.dropConnection({ times: 1 });
      expect((await client().projects.list()).count).toBe(250);
    });

    it("fault: latency → TimeoutError when slower than timeoutMs", async () => {
      fake.faults.latency(300, { operationId: "projects_retrieve" });
      const slow = await client({ timeoutMs: 50, maxRetries: 0 })
        .projects.retrieve(1)
        .catch((e) => e);
      expect(slow).toBeInstanceOf(TimeoutError);
      expect((await client({ timeoutMs: 50 }).projects.list({ limit: 1 })).results).toHaveLength(1);
    });
  });
}
