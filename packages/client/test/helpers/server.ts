/**
 * A real HTTP server on 127.0.0.1 for one test: started with a handler, closed (connections
 * included) when the test finishes. Every request is recorded with its body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

export interface Recorded {
  method: string;
  /** The request target exactly as received: path and query. */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse, index: number) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: Recorded[];
  /** Stops listening and drops every connection (also done when the test finishes). */
  close(): Promise<void>;
}

/** A port nothing listens on: one that was free a moment ago, so a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startServer(handler: Handler, options: { port?: number } = {}): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(Object.assign(req, { body }), res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });
  onTestFinished(close);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A project as PostHog returns it (the fields the tests read). */
export function project(id: number, extra: Record<string, unknown> = {}) {
  return { id, name: `Project ${id}`, organization: "0189f5a0-0000-0000-0000-000000000000", timezone: "UTC", ...extra };
}

/** Test backoff: small enough to keep the suite fast, real enough to be measured. */
export const fastBackoff = { baseDelayMs: 5, maxDelayMs: 20, rateLimitDelayMs: 20, maxRetryAfterMs: 2_000 };

export const KEY = "phx_TestKey0123456789abcdefghijklmnopqrstuvwxyz";
