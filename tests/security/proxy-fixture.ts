/**
 * `@hogkit/client/proxy` as the README mounts it on Node (`toNodeListener(createProxyHandler(…))`
 * on node:http), in front of the real fake PostHog. Every request the proxy forwards is recorded
 * before the fake answers it, so a test can say that nothing reached PostHog.
 */
import { createServer } from "node:http";
import { createProxyHandler, type ProxyEvent, type ProxyOptions, toNodeListener } from "@hogkit/client/proxy";
import { createFakePostHog, type FakePostHog } from "@hogkit/testing";
import { KEY, listen, type RawAnswer, rawHttp } from "./harness.js";

export const LIST = "/api/organizations/@current/projects/";

export interface Forwarded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ProxyFixture {
  fake: FakePostHog;
  /** `http://127.0.0.1:<port>`: the proxy. */
  url: string;
  port: number;
  /** What reached "PostHog" through the proxy. */
  forwarded: Forwarded[];
  events: ProxyEvent[];
  /** One request written byte for byte (see `rawHttp`); `headers` land after `Host: 127.0.0.1`. */
  send(method: string, target: string, headers?: Record<string, string>, body?: string): Promise<RawAnswer>;
  /** Every answer so far, as one string: where no credential may appear. */
  everything(): string;
}

export async function proxyOverFake(
  options: Partial<ProxyOptions> = {},
  answer?: (request: Request, fake: FakePostHog) => Promise<Response> | undefined,
): Promise<ProxyFixture> {
  const fake = createFakePostHog({ keys: [{ key: KEY }], projects: [{ name: "Web" }, { name: "Docs" }] });
  const forwarded: Forwarded[] = [];
  const events: ProxyEvent[] = [];
  const handler = createProxyHandler({
    host: "https://posthog.invalid",
    apiKey: KEY,
    fetch: async (request) => {
      const body = await request.clone().text();
      forwarded.push({
        method: request.method,
        url: new URL(request.url).pathname + new URL(request.url).search,
        headers: Object.fromEntries(request.headers),
        body,
      });
      return (await answer?.(request, fake)) ?? fake.handle(request);
    },
    onResponse: (event) => events.push(event),
    ...options,
  });
  const server = await listen(createServer(toNodeListener(handler)));
  const answers: RawAnswer[] = [];
  return {
    fake,
    url: server.url,
    port: server.port,
    forwarded,
    events,
    async send(method, target, headers = {}, body = "") {
      const lines = [`${method} ${target} HTTP/1.1`];
      if (!Object.keys(headers).some((name) => name.toLowerCase() === "host"))
        lines.push(`Host: 127.0.0.1:${server.port}`);
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      if (body || !["GET", "HEAD"].includes(method)) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
      lines.push("Connection: close");
      const result = await rawHttp(server.port, `${lines.join("\r\n")}\r\n\r\n${body}`);
      answers.push(result);
      return result;
    },
    everything: () => JSON.stringify(answers) + JSON.stringify(events),
  };
}
