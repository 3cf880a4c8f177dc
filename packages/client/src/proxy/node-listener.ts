/**
 * `toNodeListener(handler)`: the proxy for Node's `(req, res)` servers — `node:http`, Express,
 * Connect and Vite's dev server — which do not speak Fetch. It turns the request Node parsed into a
 * Fetch `Request` itself, so that what a Fetch `Request` cannot hold gets a 4xx here instead of a
 * 500: a method fetch forbids (`TRACE`, `CONNECT`), a request target that is not a path (`*`, or an
 * absolute-form `http://host/…`, whose host is ignored), an empty or malformed `Host`, a header value
 * fetch refuses. Dot segments are refused while the target is still as the client wrote it (a
 * `Request` would resolve them). The body streams into the handler, which bounds it; the `Request`'s
 * signal aborts when the client goes away. Structural types only: no dependency on `@types/node`.
 */
import type { ProxyHandler } from "./handler.js";
import { HOST } from "./public-origin.js";
import { badPath, errorResponse as plain } from "./responses.js";

/** What the listener reads of Node's `IncomingMessage` (Express's `req` included). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  /** Express's mount-independent target (`app.use("/posthog-proxy", …)` strips the mount from `url`). */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** What the listener uses of Node's `ServerResponse`. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(chunk?: Uint8Array): unknown;
  once(event: "close", listener: () => void): unknown;
  readonly writableFinished?: boolean;
}

// RFC 9110 token characters; the methods fetch refuses to build a Request with.
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
// A dot segment as the client wrote it, plain or percent-encoded.
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;

export function toNodeListener(handler: ProxyHandler): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    let response: Response;
    try {
      const built = toRequest(req, res);
      response = built instanceof Response ? built : await handler(built);
    } catch (error) {
      // The browser learns nothing of it; the server's log says why (a missing credential, say).
      // biome-ignore lint/suspicious/noConsole: the server's own log, as Next.js and Express keep one.
      console.error(error);
      response = plain(500, "server_error", "proxy_error", "The proxy failed.");
    }
    await write(res, response);
  };
}

function toRequest(req: NodeRequestLike, res: NodeResponseLike): Request | Response {
  const method = (req.method ?? "GET").toUpperCase();
  if (!METHOD.test(method)) return plain(400, "invalid_request", "bad_request", "The request method is not valid.");
  if (FORBIDDEN_METHODS.has(method)) {
    return plain(405, "invalid_request", "method_not_allowed", `Method "${method}" not allowed.`);
  }
  let target = req.originalUrl ?? req.url ?? "/";
  // Absolute form (`GET http://host/path`): only the path is the app's to serve.
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target);
  if (absolute) target = target.slice(absolute[0].length) || "/";
  if (!target.startsWith("/")) {
    return plain(400, "invalid_request", "bad_request", "The request target must be a path.");
  }
  if (DOT_SEGMENT.test(target.replace(/[?#].*$/, ""))) return badPath();
  const rawHost = req.headers.host;
  const host = typeof rawHost === "string" ? rawHost.trim() : undefined;
  if (host !== undefined && !HOST.test(host)) {
    return plain(400, "invalid_request", "bad_request", "The Host header is missing or not a host name.");
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      return plain(400, "invalid_request", "bad_request", `The ${name} header is not a valid header value.`);
    }
  }
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort(new Error("the client closed the connection"));
  });
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(target, `http://${host || "localhost"}`), {
    method,
    headers,
    body: hasBody ? streamOf(req) : undefined,
    signal: gone.signal,
    duplex: "half",
  } as RequestInit);
}

/** The request's body as a web stream, read only as fast as the handler reads it. */
function streamOf(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : new Uint8Array(value));
    },
    cancel() {
      // Not awaited: Node's iterator finishes a pending read first, which may never come.
      chunks.return?.().catch(() => {});
    },
  });
}

async function write(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(new Uint8Array(await response.arrayBuffer()));
}
