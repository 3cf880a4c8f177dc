/**
 * Issue 22, item 5 (the fake and the proxy): limits before memory. The fake used to read a 300 MiB
 * body into memory (1.9 GB RSS) before its 413, and answered a 560 MiB chunked one with a 500; the
 * proxy's `timeoutMs` did not cover a body that trickles in. Now both count the bytes as they
 * arrive and stop at the limit with a 413, and the proxy answers a body slower than its limit with
 * a 408, forwarding nothing.
 */
import { connect } from "node:net";
import { createFakePostHog } from "@hogkit/testing";
import { describe, expect, it } from "vitest";
import { KEY } from "./harness.js";
import { LIST, proxyOverFake } from "./proxy-fixture.js";

const MiB = 1024 * 1024;

interface Upload {
  status: number;
  /** Body bytes the server took before it answered and closed. */
  sent: number;
}

/** Writes `head`, then up to `total` bytes of body (chunked or not) as fast as the server reads them. */
function upload(port: number, head: string, total: number, chunked: boolean): Promise<Upload> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let sent = 0;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ status: Number(Buffer.concat(received).toString("latin1").split(" ")[1] ?? 0), sent });
    };
    const piece = Buffer.alloc(MiB, "a");
    const frame = chunked
      ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
      : piece;
    const pump = () => {
      while (!finished && sent < total) {
        sent += piece.length;
        if (!socket.write(frame)) return void socket.once("drain", pump);
      }
      if (!finished && chunked) socket.write("0\r\n\r\n");
    };
    socket.on("data", (chunk) => {
      received.push(chunk);
      if (Buffer.concat(received).includes("\r\n\r\n")) setTimeout(done, 20);
    });
    socket.on("error", done);
    socket.on("close", done);
    socket.write(head);
    pump();
  });
}

const headFor = (path: string, headers: Record<string, string>) =>
  `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;

describe("the fake over HTTP", () => {
  it("a declared 300 MiB body is refused with 413 before it is read", async () => {
    const fake = createFakePostHog({ projects: [{ name: "Web" }] });
    const server = await fake.listen();
    try {
      const before = process.memoryUsage().rss;
      const head = headFor(`${LIST}1/`, {
        Authorization: `Bearer ${fake.apiKey}`,
        "Content-Type": "application/json",
        "Content-Length": String(300 * MiB),
      });
      const result = await upload(server.port, head, 300 * MiB, false);
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThan(64 * MiB);
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
      expect(fake.db.project(1)?.name).toBe("Web");
    } finally {
      await server.close();
    }
  });

  it("a 560 MiB chunked body is a 413, not a 500, and stops being read at the limit", async () => {
    const fake = createFakePostHog({ projects: [{ name: "Web" }], maxBodyBytes: 4 * MiB });
    const server = await fake.listen();
    try {
      const head = headFor(`${LIST}1/`, {
        Authorization: `Bearer ${fake.apiKey}`,
        "Content-Type": "application/json",
        "Transfer-Encoding": "chunked",
      });
      const result = await upload(server.port, head, 560 * MiB, true);
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThan(64 * MiB);
    } finally {
      await server.close();
    }
  });
});

describe("the proxy", () => {
  it.each([
    ["declared", { "Content-Length": String(300 * MiB) }, false],
    ["chunked", { "Transfer-Encoding": "chunked" }, true],
  ] as const)(
    "a %s body over maxBodyBytes is a 413 the moment it passes the limit; nothing is forwarded",
    async (_what, headers, chunked) => {
      const proxy = await proxyOverFake({ allow: ["projects.update"] });
      const head = headFor(`/posthog-proxy${LIST}1/`, { "Content-Type": "application/json", ...headers });
      const result = await upload(proxy.port, head, 300 * MiB, chunked);
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThan(64 * MiB);
      expect(proxy.forwarded).toEqual([]);
    },
  );

  it("a body that trickles in slower than timeoutMs is a 408, and nothing is forwarded", async () => {
    const proxy = await proxyOverFake({ allow: ["projects.update"], timeoutMs: 300 });
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(proxy.port, "127.0.0.1");
      let text = "";
      const finish = () => {
        socket.destroy();
        resolve(text);
      };
      socket.on("data", (chunk) => {
        text += chunk.toString();
        setTimeout(finish, 50);
      });
      socket.on("error", finish);
      socket.write(headFor(`/posthog-proxy${LIST}1/`, { "Content-Type": "application/json", "Content-Length": "100" }));
      socket.write('{"name":'); // and never the rest
      setTimeout(finish, 10_000);
    });
    expect(answer.split(" ")[1]).toBe("408");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toContain("request_timeout");
    expect(proxy.forwarded).toEqual([]);
    expect(answer).not.toContain(KEY);
  });
});
