/**
 * Issue 22, item 5 (the client): limits before memory. An answer larger than `maxResponseBytes`
 * (64 MiB by default) is refused from its Content-Length before a byte of the body is read, or
 * abandoned the moment a chunked one passes the limit, and never downloaded again; `iterate()` stops
 * after `maxPages` pages (1,000 by default) of a server that keeps answering new `next` links.
 */
import type { ServerResponse } from "node:http";
import { createClient, InvalidResponseError } from "@hogkit/client";
import { describe, expect, it } from "vitest";
import { json, KEY, recorder, rejection } from "./harness.js";

const MiB = 1024 * 1024;

/** Writes `total` bytes of a JSON string in 1 MiB chunks as fast as the client reads; counts what left. */
function stream(res: ServerResponse, total: number, sent: { bytes: number }, headers: Record<string, string> = {}) {
  res.writeHead(200, { "content-type": "application/json", ...headers });
  const chunk = Buffer.alloc(MiB, "a");
  const pump = () => {
    while (sent.bytes < total) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  pump();
}

describe("maxResponseBytes", () => {
  it("refuses a 600 MiB answer from its Content-Length without reading the body, and does not download it again", async () => {
    const sent = { bytes: 0 };
    const server = await recorder((_req, res) => stream(res, 600 * MiB, sent, { "content-length": String(600 * MiB) }));
    const client = createClient({ host: server.url, apiKey: KEY });
    const error = await rejection(client.projects.retrieve(1));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("larger than maxResponseBytes (67108864 bytes)");
    expect(server.requests).toHaveLength(1);
    // What the kernel's socket buffers took before the client hung up, not the answer.
    expect(sent.bytes).toBeLessThan(64 * MiB);
  });

  it("stops reading a chunked answer as it passes the limit, once", async () => {
    const sent = { bytes: 0 };
    const server = await recorder((_req, res) => stream(res, 1024 * MiB, sent));
    const client = createClient({ host: server.url, apiKey: KEY, maxResponseBytes: 8 * MiB });
    const before = process.memoryUsage().rss;
    const error = await rejection(client.projects.list());
    expect(error.message).toContain("larger than maxResponseBytes (8388608 bytes)");
    expect(server.requests).toHaveLength(1);
    expect(sent.bytes).toBeLessThan(64 * MiB);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * MiB);
  });

  it("reads an answer within the limit, and a per-call limit overrides the client's", async () => {
    const server = await recorder((_req, res) => json(res, 200, { id: 1, name: "x".repeat(2000) }));
    const client = createClient({ host: server.url, apiKey: KEY, maxResponseBytes: 1000 });
    await expect(client.projects.retrieve(1)).rejects.toThrow(/larger than maxResponseBytes \(1000 bytes\)/);
    await expect(client.projects.retrieve(1, { maxResponseBytes: 4000 })).resolves.toMatchObject({ id: 1 });
  });
});

describe("iterate() and next links without end", () => {
  it("stops after 1,000 pages of distinct same-origin next links, with an error that names maxPages", async () => {
    const server = await recorder((req, res) => {
      const offset = Number(new URL(req.url ?? "/", "http://x").searchParams.get("offset") ?? 0);
      json(res, 200, {
        count: null,
        next: `http://${req.headers.host}/api/organizations/@current/projects/?offset=${offset + 1}`,
        results: [{ id: offset + 1 }],
      });
    });
    const client = createClient({ host: server.url, apiKey: KEY });
    let items = 0;
    const error = await rejection(
      (async () => {
        for await (const _ of client.projects.iterate()) items++;
      })(),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("read 1000 pages and PostHog still answered a next link");
    expect(error.message).toContain("Pass maxPages to read more");
    expect(items).toBe(1000);
    expect(server.requests).toHaveLength(1000);

    let fewer = 0;
    await expect(
      (async () => {
        for await (const _ of client.projects.iterate({}, { maxPages: 3 })) fewer++;
      })(),
    ).rejects.toThrow(/read 3 pages/);
    expect(fewer).toBe(3);
  });
});
