/**
 * What every attack test needs: a server on loopback that records what reached it (a hostile host
 * for the client, an upstream for the proxy), raw HTTP for requests `fetch` would refuse to write,
 * and a check that a secret appears in no byte of anything the test saw — answers, errors (message,
 * stack, cause, fields, `toJSON()`, `util.inspect` with hidden properties), logs and warnings.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { inspect } from "node:util";
import type { PostHogApiError } from "@hogkit/client";
import { expect, onTestFinished, vi } from "vitest";

/** A key that looks like no PostHog token: only the client's and the proxy's own secret lists can hide it. */
export const KEY = "securityKey0123456789abcdefABCDEFghijklmnop";

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface Recorder {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: Seen[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse) => void;

/** A server that reads each request whole, records it, then lets `handler` answer (or misbehave). */
export async function recorder(handler: Handler, options: { port?: number } = {}): Promise<Recorder> {
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(Object.assign(req, { body }), res);
    });
  });
  return { ...(await listen(server, options.port)), requests };
}

/** Listens on loopback; closed, connections included, when the test finishes. */
export async function listen(server: Server, port = 0): Promise<{ url: string; port: number; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });
  onTestFinished(close);
  const bound = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${bound}`, port: bound, close };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export interface RawAnswer {
  status: number;
  /** The status line and headers as received. */
  head: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes `request` byte for byte (request line, headers, body: whatever an attacker would send)
 * and reads the answer until the server closes the connection.
 */
export function rawHttp(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split < 0 ? text : text.slice(0, split);
      const headers: Record<string, string> = {};
      for (const line of head.split("\r\n").slice(1)) {
        const colon = line.indexOf(":");
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(head.split(" ")[1] ?? 0), head, headers, body: split < 0 ? "" : text.slice(split + 4) });
    });
    socket.end(request);
  });
}

/** Everything a value shows, by every route a user or a logger could take to it. */
export function everything(value: unknown): string {
  const parts: string[] = [inspect(value, { showHidden: true, getters: true, depth: Number.POSITIVE_INFINITY })];
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {}
  for (let item = value as { stack?: unknown; cause?: unknown } | undefined, i = 0; item && i < 5; i++) {
    parts.push(String(item), String(item.stack ?? ""));
    item = item.cause as typeof item;
  }
  return parts.join("\n");
}

/** Fails when `secret`, or any 12 characters of it in a row (a cut leaves its start), appears in the values. */
export function expectNoSecret(secret: string, ...values: unknown[]): void {
  const text = values.map(everything).join("\n");
  for (let i = 0; i + 12 <= secret.length; i++) {
    expect(text.includes(secret.slice(i, i + 12)), `a piece of the secret (${i}…) leaked`).toBe(false);
  }
}

/** What the code under test printed through the console during the test. */
export function consoleOutput(): string[] {
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 10 }))).join(" "));
    });
  }
  onTestFinished(() => {
    vi.restoreAllMocks();
  });
  return lines;
}

/** The rejection of `promise`, which must reject (with one of the client's errors, in these tests). */
export async function rejection(promise: Promise<unknown>): Promise<PostHogApiError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error as PostHogApiError;
}
