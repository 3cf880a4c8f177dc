/**
 * Issue 22, item 8: malformed HTTP is a 4xx. The fake answered 500 for an absolute-form target,
 * `OPTIONS *`, `Host: a b` and `TRACE`; the proxy behind the README's Node adapter answered 500 for
 * `TRACE` and an empty `Host`. Each is written byte for byte on a raw socket, and nothing reaches
 * PostHog or changes the fake.
 */
import { createFakePostHog } from "@hogkit/testing";
import { describe, expect, it } from "vitest";
import { rawHttp } from "./harness.js";
import { LIST, proxyOverFake } from "./proxy-fixture.js";

const request = (line: string, headers: string[]) =>
  `${line}\r\n${[...headers, "Connection: close"].join("\r\n")}\r\n\r\n`;

describe("the fake over HTTP", () => {
  it.each([
    ["TRACE", `TRACE ${LIST} HTTP/1.1`, ["Host: 127.0.0.1"], 405],
    ["OPTIONS *", "OPTIONS * HTTP/1.1", ["Host: 127.0.0.1"], 400],
    ["Host: a b", `GET ${LIST} HTTP/1.1`, ["Host: a b"], 400],
  ])("%s is a 4xx in PostHog's error shape", async (_what, line, headers, status) => {
    const fake = createFakePostHog();
    const server = await fake.listen();
    try {
      const answer = await rawHttp(server.port, request(line, headers));
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.body)).toMatchObject({ type: "invalid_request", attr: null });
    } finally {
      await server.close();
    }
  });

  it("an absolute-form target is served by its path, as HTTP/1.1 servers must accept it", async () => {
    const fake = createFakePostHog({ projects: [{ name: "Web" }] });
    const server = await fake.listen();
    try {
      const line = `GET http://evil.example${LIST} HTTP/1.1`;
      const answer = await rawHttp(
        server.port,
        request(line, ["Host: 127.0.0.1", `Authorization: Bearer ${fake.apiKey}`]),
      );
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ count: 1, results: [{ name: "Web" }] });
    } finally {
      await server.close();
    }
  });
});

describe("the proxy through toNodeListener", () => {
  it.each([
    ["TRACE", `TRACE /posthog-proxy${LIST} HTTP/1.1`, ["Host: 127.0.0.1"], 405],
    ["an empty Host", `GET /posthog-proxy${LIST} HTTP/1.1`, ["Host: "], 400],
    ["Host: a b", `GET /posthog-proxy${LIST} HTTP/1.1`, ["Host: a b"], 400],
    ["OPTIONS *", "OPTIONS * HTTP/1.1", ["Host: 127.0.0.1"], 400],
  ])("%s is a 4xx and nothing is forwarded", async (_what, line, headers, status) => {
    const proxy = await proxyOverFake();
    const answer = await rawHttp(proxy.port, request(line, headers));
    expect(answer.status).toBe(status);
    expect(answer.headers["x-hogkit-proxy"]).toBe("refused");
    expect(proxy.forwarded).toEqual([]);
  });
});
