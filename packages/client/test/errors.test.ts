import { type AddressInfo, createServer } from "node:net";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as built from "../dist/index.js";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createClient,
  InternalServerError,
  InvalidResponseError,
  isPostHogApiError,
  NotFoundError,
  PermissionDeniedError,
  PostHogApiError,
  RateLimitError,
} from "../src/index.js";
import { fastBackoff, json, KEY, startServer } from "./helpers/server.js";

const SECRET = "phs_SecretProjectToken0123456789abcdefABCDEF";

/** PostHog's own error bodies (posthog-server.md, drf-exceptions-hog). */
const cases = [
  [
    400,
    BadRequestError,
    {
      type: "validation_error",
      code: "invalid_choice",
      detail: '"America/I_Dont_Exist" is not a valid choice.',
      attr: "timezone",
    },
  ],
  [
    401,
    AuthenticationError,
    {
      type: "authentication_error",
      code: "authentication_failed",
      detail: "Personal API key found in request Authorization header is invalid.",
      attr: null,
    },
  ],
  [
    403,
    PermissionDeniedError,
    {
      type: "authentication_error",
      code: "permission_denied",
      detail: "API key missing required scope 'project:write'",
      attr: null,
    },
  ],
  [404, NotFoundError, { type: "invalid_request", code: "not_found", detail: "Not found.", attr: null }],
  [
    409,
    ConflictError,
    {
      type: "server_error",
      code: "conflict",
      detail: 'There is already a project called "X" in this organization. Choose a different name.',
      attr: null,
    },
  ],
  [
    429,
    RateLimitError,
    {
      type: "throttled_error",
      code: "throttled",
      detail: "Request was throttled. Expected available in 12 seconds.",
      attr: null,
    },
  ],
  [500, InternalServerError, { type: "server_error", code: "error", detail: "A server error occurred.", attr: null }],
] as const;

function failingServer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return startServer((_req, res) => json(res, status, body, { "x-request-id": "req-123", ...headers }));
}

describe("errors", () => {
  it.each(cases)("%i becomes %O with PostHog's fields", async (status, ErrorClass, body) => {
    const server = await failingServer(status, body);
    const client = createClient({ apiKey: KEY, host: server.url, maxRetries: 0 });
    const error = await client.projects.update(5, { name: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(PostHogApiError);
    const e = error as PostHogApiError;
    expect(e).toMatchObject({ status, method: "PATCH", requestId: "req-123", operation: "projects.update", ...body });
    expect(e.url).toBe(`${server.url}/api/organizations/@current/projects/5/`);
    expect(e.body).toEqual(body);
    expect(e.name).toBe(ErrorClass.name);
    expect(e.message).toContain(body.detail);
    expect(e.message).toContain(`PATCH ${e.url}`);
    expect(String(e.stack)).toMatch(new RegExp(`^${ErrorClass.name}: projects.update`));
    expect(e.toJSON()).toMatchObject({ name: ErrorClass.name, status, code: body.code, detail: body.detail });
  });

  it("say which scope a personal API key is missing", async () => {
    const server = await failingServer(403, cases[2][2]);
    const error = await createClient({ apiKey: KEY, host: server.url })
      .projects.delete(5)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ missingScope: "project:write", sessionOnly: false });
    expect((error as Error).message).toMatch(/Give the personal API key the 'project:write' scope/);
  });

  it("say in plain words that a session-only operation refuses personal API keys", async () => {
    const body = {
      type: "authentication_error",
      code: "permission_denied",
      detail: "This action does not support personal API key access",
      attr: null,
    };
    const server = await failingServer(403, body);
    const error = await createClient({ apiKey: KEY, host: server.url })
      .projects.rotateSecretToken(5)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ sessionOnly: true, missingScope: undefined, detail: body.detail });
    expect((error as Error).message).toMatch(
      /^projects\.rotateSecretToken: PostHog does not accept personal API keys for this action\. Only a logged-in PostHog session/,
    );
  });

  it("give RateLimitError the wait from Retry-After, or from PostHog's detail when there is none", async () => {
    const withHeader = await failingServer(429, cases[5][2], { "retry-after": "7" });
    const withoutHeader = await failingServer(429, cases[5][2]);
    for (const [server, wait] of [
      [withHeader, 7],
      [withoutHeader, 12],
    ] as const) {
      const error = await createClient({ apiKey: KEY, host: server.url, maxRetries: 0 })
        .projects.list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).toBe(wait);
    }
  });

  it("name the content type and the first bytes of an HTML 502 from a proxy", async () => {
    const html =
      "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
    const server = await startServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(html);
    });
    const client = createClient({ apiKey: KEY, host: server.url, backoff: fastBackoff });
    const error = await client.projects.retrieve(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: html });
    expect((error as Error).message).toContain(
      '502 with text/html (110 characters) starting "<html><head><title>502 Bad Gateway',
    );
    expect(server.requests).toHaveLength(3); // a GET is retried twice on a 5xx
  });

  it("say that a 500 not in PostHog's error shape may not be PostHog's, and keep 'failed on that input' for PostHog's own", async () => {
    // A local proxy's own error page (nginx, a dev server) in front of PostHog.
    const page = `<!DOCTYPE html><html><body><h1>Internal Server Error</h1><p>upstream ${KEY} crashed</p></body></html>`;
    const posthogs = { type: "server_error", code: "error", detail: "A server error occurred.", attr: null };
    const server = await startServer((_req, res, index) => {
      if (index === 0) {
        res.writeHead(500, { "content-type": "text/html" });
        return res.end(page);
      }
      json(res, 500, index === 1 ? { message: "gateway failed" } : posthogs);
    });
    const client = createClient({ apiKey: KEY, host: server.url, maxRetries: 0 });
    const messages: string[] = [];
    for (let i = 0; i < 3; i++)
      messages.push(((await client.projects.retrieve(1).catch((e: unknown) => e)) as Error).message);
    const [html, gateway, own] = messages as [string, string, string];
    expect(html).toContain("PostHog answered 500 with text/html (");
    expect(html).toContain(
      'starting "<!DOCTYPE html><html><body><h1>Internal Server Error</h1><p>upstream [redacted] crashed',
    );
    expect(html).toContain("This answer may not be PostHog's: a proxy or gateway in front of it may have failed");
    expect(gateway).toContain("may not be PostHog's");
    for (const message of [html, gateway]) expect(message).not.toContain("failed on that input");
    expect(own).toContain("PostHog failed on that input: check the arguments against the operation's docs");
    expect(own).not.toContain("may not be PostHog's");
    expect(messages.join("\n")).not.toContain(KEY);
  });

  it("turn a 200 with truncated JSON into a clear error, not a SyntaxError", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"id": 1, "name": "Web", "secret_api_token": "${SECRET}", "timezo`);
    });
    const error = await createClient({ apiKey: KEY, host: server.url })
      .projects.retrieve(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^projects\.retrieve: PostHog answered 200 with application\/json \(\d+ characters\) starting "\{\\"id\\": 1/,
    );
    expect(message).toContain("which is not valid JSON");
    expect(inspect(error)).not.toContain(SECRET);
    expect(server.requests).toHaveLength(1);
  });

  it("turn a 200 HTML page into a clear error naming text/html", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>Log in</title>");
    });
    const error = await createClient({ apiKey: KEY, host: server.url })
      .projects.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(
      '200 with text/html; charset=utf-8 (36 characters) starting "<!doctype html>',
    );
  });

  it("report a refused connection as ConnectionError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const client = createClient({ apiKey: KEY, host: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await client.projects.retrieve(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: undefined, responseStarted: false, method: "GET" });
    expect((error as Error).message).toMatch(/could not reach PostHog: fetch failed \(ECONNREFUSED\)/);
  });

  it("keep the key and secret tokens out of message, toString, toJSON, stack and inspect", async () => {
    const body = {
      detail: `Key ${KEY} and token ${SECRET} are wrong`,
      secret_api_token: SECRET,
      nested: [{ secret_api_token_backup: "anything" }],
    };
    const server = await failingServer(400, body);
    const error = (await createClient({ apiKey: KEY, host: server.url })
      .projects.update(1, {})
      .catch((e: unknown) => e)) as PostHogApiError;
    expect(error).toBeInstanceOf(BadRequestError);
    for (const text of [
      error.message,
      String(error),
      JSON.stringify(error),
      String(error.stack),
      inspect(error, { depth: 10 }),
    ]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("anything");
    }
    expect(error.detail).toBe("Key [redacted] and token [redacted] are wrong");
    expect(error.body).toMatchObject({ secret_api_token: "[redacted]" });
  });

  it("keep a key that does not look like one out of errors too", async () => {
    const key = "my-self-hosted-key-0123456789";
    const server = await failingServer(401, { detail: `bad key ${key}` });
    const error = await createClient({ apiKey: key, host: server.url })
      .projects.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(inspect(error)).not.toContain(key);
    expect(JSON.stringify(error)).not.toContain(key);
  });

  it("are recognised by isPostHogApiError across copies of the package", async () => {
    const server = await failingServer(404, cases[3][2]);
    const fromBuilt = await built
      .createClient({ apiKey: KEY, host: server.url })
      .projects.retrieve(1)
      .catch((e: unknown) => e);
    expect(fromBuilt).not.toBeInstanceOf(PostHogApiError); // another copy of the class …
    expect(isPostHogApiError(fromBuilt)).toBe(true); // … still recognised
    expect(built.isPostHogApiError(new NotFoundError({ message: "x", method: "GET", url: "u" }))).toBe(true);
    expect(isPostHogApiError(new Error("x"))).toBe(false);
    expect(isPostHogApiError({ status: 404 })).toBe(false);
  });
});

describe("redaction", () => {
  /** One of each PostHog token kind, and a session cookie, as a server might echo them. */
  const TOKENS = {
    personal: "phx_PersonalKey0123456789abcdefABCDEF0123",
    projectSecret: "phs_ProjectSecret0123456789abcdefABCDEF",
    oauthAccess: "pha_OAuthAccess0123456789abcdefABCDEF01",
    oauthRefresh: "phr_OAuthRefresh0123456789abcdefABCDEF0",
  };
  const SESSION = "sessionid=k9x2mq7v4l1z8w3r6t5y0u";

  it("removes every PostHog token kind and session cookies from message, fields, toJSON and inspect", async () => {
    const echo = `${Object.values(TOKENS).join(" ")}; Cookie: ${SESSION}; posthog_csrftoken=Zq81Xn0pLm47`;
    const server = await failingServer(400, { type: "validation_error", code: "invalid", detail: echo, attr: null });
    const error = (await createClient({ apiKey: KEY, host: server.url, maxRetries: 0 })
      .projects.update(1, {})
      .catch((e: unknown) => e)) as PostHogApiError;
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)]) {
      for (const token of Object.values(TOKENS)) expect(text).not.toContain(token);
      expect(text).not.toContain("k9x2mq7v4l1z8w3r6t5y0u");
      expect(text).not.toContain("Zq81Xn0pLm47");
    }
    expect(error.detail).toBe(
      "[redacted] [redacted] [redacted] [redacted]; Cookie: sessionid=[redacted]; posthog_csrftoken=[redacted]",
    );
  });

  it("removes the client's own session cookie, whatever its name, from errors", async () => {
    const cookie = "my_session=a-long-opaque-session-value";
    const server = await failingServer(403, { detail: `session a-long-opaque-session-value is not allowed` });
    const error = await createClient({ host: server.url, headers: { cookie } })
      .projects.list()
      .catch((e: unknown) => e);
    expect(inspect(error)).not.toContain("a-long-opaque-session-value");
    expect((error as Error).message).toContain("session [redacted] is not allowed");
  });

  it("removes a per-call Authorization header from errors", async () => {
    const token = "an-oauth-token-without-prefix-0123";
    const server = await failingServer(401, { detail: `token ${token} expired` });
    const error = await createClient({ apiKey: KEY, host: server.url })
      .projects.list(undefined, { headers: { authorization: `Bearer ${token}` } })
      .catch((e: unknown) => e);
    expect(inspect(error)).not.toContain(token);
  });
});
