/**
 * The fake as a real HTTP server on `node:http`, which Node, Deno and Bun all provide, so the same
 * code runs on each. A dropped-connection fault destroys the socket. What a Fetch `Request` cannot
 * hold is answered here with a 4xx, as Django would answer it, instead of failing: a method fetch
 * forbids (`TRACE`), a target that is not a path (`OPTIONS *`), a malformed `Host`. An absolute-form
 * target (`GET http://host/path`) is served by its path. The body is counted as it arrives and
 * refused with 413 the moment it passes `maxBodyBytes`, never held whole.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { ApiError, fakeBugResponse } from "./engine/api-error.js";
import { tooLarge } from "./engine/request-body.js";
import type { FakeCore } from "./fake-core.js";

export interface ListenOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Request bodies larger than this are refused with 413 while they arrive; default the fake's `maxBodyBytes`. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade"]);
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const badRequest = (detail: string) => new ApiError(400, "invalid_request", "bad_request", detail);

/** Serves `fake` (its answers, and its body limit unless the options set another). */
export async function listen(
  fake: Pick<FakeCore, "handle" | "maxBodyBytes">,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const { createServer } = await import("node:http");
  const host = options.host ?? "127.0.0.1";
  const maxBodyBytes = options.maxBodyBytes ?? fake.maxBodyBytes;
  const handle = (request: Request) => fake.handle(request);
  const server: Server = createServer((req, res) => {
    serve(handle, req, res, host, maxBodyBytes).catch((error: unknown) => {
      if (!res.headersSent) void send(res, fakeBugResponse(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  const printableHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${printableHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}

async function serve(
  handle: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
  maxBodyBytes: number,
): Promise<void> {
  const refusal = malformed(req);
  if (refusal) return refuse(req, res, refusal);
  const body = await readBody(req, maxBodyBytes);
  if (body === undefined) return refuse(req, res, tooLarge(maxBodyBytes));
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1] as string);
  }
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort(new Error("client closed the connection"));
  });
  const method = (req.method ?? "GET").toUpperCase();
  const request = new Request(`http://${req.headers.host || host}${pathOf(req.url ?? "/")}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" || body.length === 0 ? undefined : body,
    signal: aborted.signal,
  });
  let response: Response;
  try {
    response = await handle(request);
  } catch (error) {
    if (aborted.signal.aborted) return; // the client went away while a latency fault was waiting
    throw error;
  }
  if (response.type === "error") {
    req.socket.destroy();
    return;
  }
  await send(res, response);
}

/** Why the request cannot become a Fetch `Request`, or undefined. */
function malformed(req: IncomingMessage): ApiError | undefined {
  const method = (req.method ?? "GET").toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) {
    return new ApiError(405, "invalid_request", "method_not_allowed", `Method "${method}" not allowed.`);
  }
  if (!pathOf(req.url ?? "/").startsWith("/")) return badRequest("The request target must be a path.");
  const host = req.headers.host;
  if (host !== undefined && host !== "" && !HOST.test(host)) return badRequest(`Invalid HTTP_HOST header: '${host}'.`);
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    try {
      new Headers([[req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]]);
    } catch {
      return badRequest(`The ${req.rawHeaders[i]} header is not a valid header.`);
    }
  }
  return undefined;
}

/** The path and query of a target; an absolute-form target (`http://host/path`) loses its scheme and host. */
function pathOf(target: string): string {
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target);
  return absolute ? target.slice(absolute[0].length) || "/" : target;
}

/** The body, counted as it arrives; undefined the moment it passes the limit (the rest is not read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer> | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Uint8Array).byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk as Uint8Array);
  }
  return Buffer.concat(chunks);
}

/** Answers the fake's own refusal and closes the connection, leaving whatever body was not read unread. */
async function refuse(req: IncomingMessage, res: ServerResponse, error: ApiError): Promise<void> {
  req.pause();
  res.shouldKeepAlive = false;
  await send(res, error.toResponse());
  res.once("finish", () => setTimeout(() => req.socket?.destroy(), 50).unref?.());
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, "content-length": String(payload.length) });
  res.end(payload);
}
