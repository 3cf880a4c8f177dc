/**
 * The world of PostHog's API tests (posthog/test/base.py APIBaseTest), rebuilt on the fake: one
 * organization where the user is an admin (the team_api_test_factory setUp), its "Default project"
 * (made as `Team.objects.create_with_data` makes it), the user `user1@posthog.com` with an empty
 * first name, logged in with a session, and a clock to freeze. Each fact gets a fresh fake; requests
 * go over MSW (msw/node intercepting fetch) or over a real HTTP server on loopback, and are plain
 * fetches with JSON bodies, as PostHog's APIClient sends them (bodies our client would refuse, too).
 */
import { setupServer } from "msw/node";
import { listen } from "../../src/fake/http-server.js";
import { createFakePostHog, type FakeApiKeyInput, type FakePostHog, type FakePostHogOptions } from "../../src/index.js";
import { mswHandlers } from "../../src/msw.js";

export const ORG = "0190a6e1-0000-7000-8000-0000000000a1";
export const OTHER_ORG = "0190a6e1-0000-7000-8000-0000000000b2";

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export type Auth = { session: true } | { key: string } | null;

export interface World {
  readonly fake: FakePostHog;
  /** The test's project (`self.team` / `self.project`). */
  readonly id: number;
  /** freeze_time: the fake's clock. */
  freeze(iso: string): void;
  /** The caller's membership level in the test organization (MEMBER 1, ADMIN 8, OWNER 15, null: deleted). */
  setLevel(level: 1 | 8 | 15 | null, organizationId?: string): void;
  /** create_personal_api_key_with_scopes, or any key kind (OAuth `pha_`, scoped). */
  key(input?: FakeApiKeyInput): string;
  request(method: string, path: string, options?: { body?: unknown; auth?: Auth; raw?: string }): Promise<Reply>;
  /** `/api/organizations/@current/projects/<id>/<action>` (what `/api/environments/@current/` is rewritten to). */
  projectPath(action?: string, id?: number | string): string;
  get(action?: string, auth?: Auth): Promise<Reply>;
  patch(body: unknown, auth?: Auth): Promise<Reply>;
  /** `_assert_activity_log`: the Team activity of a project with `id` (and envelope keys) dropped. */
  activity(id?: number): Promise<unknown[]>;
  /** The stored record (`self.team.refresh_from_db()`). */
  record(id?: number): Record<string, any>;
}

export type Fact = { source: string; options?: FakePostHogOptions; check(world: World): Promise<void> };

export interface Transport {
  name: string;
  start(): Promise<{ base: string; use(fake: FakePostHog): void; close(): Promise<void> }>;
}

/** One interceptor or server per transport; each fact swaps in its own fake. */
function switchable() {
  let current: FakePostHog | undefined;
  const operations = createFakePostHog().operations;
  const handle = (request: Request) => {
    if (!current) throw new Error("no fake in use");
    return current.handle(request);
  };
  const use = (fake: FakePostHog) => {
    current = fake;
  };
  return { handle, operations, use };
}

export const transports: Transport[] = [
  {
    name: "MSW",
    async start() {
      const target = switchable();
      const server = setupServer(...mswHandlers(target));
      server.listen({ onUnhandledRequest: "error" });
      return { base: "https://us.posthog.com", use: target.use, close: async () => server.close() };
    },
  },
  {
    name: "HTTP",
    async start() {
      const target = switchable();
      // The server outlives each fact's fake: no limit of its own, each fake refuses bodies over its own.
      const running = await listen({ handle: target.handle, maxBodyBytes: Number.POSITIVE_INFINITY }, { port: 0 });
      return { base: running.url, use: target.use, close: () => running.close() };
    },
  },
];

/** PostHog's APIBaseTest set-up, as options of the fake (a fact may add to them). */
export function worldOptions(clock: { now: Date }, extra: FakePostHogOptions = {}): FakePostHogOptions {
  return {
    seed: 11,
    user: { first_name: "", email: "user1@posthog.com" },
    now: () => new Date(clock.now),
    ...extra,
    organizations: extra.organizations ?? [{ id: ORG, name: "Test", membershipLevel: 8 }],
    projects: extra.projects ?? [{ name: "Default project" }],
  };
}

export function world(base: string, fake: FakePostHog, clock: { now: Date }): World {
  const id = fake.db.projects[0]?.id ?? 0;
  const session = fake.createSession();
  const request: World["request"] = async (method, path, { body, auth = { session: true }, raw } = {}) => {
    const headers = new Headers();
    if (auth && "session" in auth) headers.set("cookie", session.cookie);
    if (auth && "key" in auth) headers.set("authorization", `Bearer ${auth.key}`);
    const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers.set("content-type", "application/json");
    const res = await fetch(new URL(path, base), { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const projectPath = (action = "", target: number | string = id) =>
    `/api/organizations/@current/projects/${target}/${action ? `${action.replace(/\/$/, "")}/` : ""}`;
  return {
    fake,
    id,
    freeze: (iso) => {
      clock.now = new Date(iso);
    },
    setLevel: (level, organizationId = ORG) => {
      const organization = fake.db.organization(organizationId);
      if (!organization) throw new Error(`no organization ${organizationId}`);
      organization.membershipLevel = level;
    },
    key: (input = {}) => fake.createKey(input),
    request,
    projectPath,
    get: (action = "", auth) => request("GET", projectPath(action), { auth }),
    patch: (body, auth) => request("PATCH", projectPath(), { body, auth }),
    activity: async (target = id) => {
      const reply = await request("GET", projectPath("activity", target));
      if (reply.status !== 200) throw new Error(`activity: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body.results.map(({ id: _id, ...entry }: Record<string, unknown>) => entry);
    },
    record: (target = id) => {
      const found = fake.db.project(target);
      if (!found) throw new Error(`no project ${target}`);
      return found as Record<string, any>;
    },
  };
}

/** PostHog's `not_found_response()` and `validation_error_response()` / `permission_denied_response()`. */
export const notFound = (detail = "Not found.") => ({ type: "invalid_request", code: "not_found", detail, attr: null });
export const validation = (detail: string, attr: string | null = null, code = "invalid_input") => ({
  type: "validation_error",
  code,
  detail,
  attr,
});
export const denied = (detail: string) => ({
  type: "authentication_error",
  code: "permission_denied",
  detail,
  attr: null,
});

/** One activity entry as `_assert_activity_log` compares it. */
export function entry(activity: string, itemId: number, name: string, changes: unknown[] | null, createdAt: string) {
  return {
    activity,
    created_at: createdAt,
    detail: { changes, name, short_id: null, trigger: null, type: null },
    item_id: String(itemId),
    scope: "Team",
    user: { email: "user1@posthog.com", first_name: "" },
  };
}
