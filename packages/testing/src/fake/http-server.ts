/**
 * The fake as a real HTTP server on `node:http`, which Node, Deno and Bun all provide, so the same
 * code runs on each. A dropped-connection fault destroys the socket.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { fakeBugResponse } from "./api-error.js";

export interface ListenOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade"]);

export async function listen(
  handle: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const { createServer } = await import("node:http");
  const host = options.host ?? "127.0.0.1";
  const server: Server = createServer((req, res) => {
    serve(handle, req, res, host).catch((error: unknown) => {
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
): Promise<void> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1] as string);
  }
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort(new Error("client closed the connection"));
  });
  const method = req.method ?? "GET";
  const request = new Request(`http://${req.headers.host ?? host}${req.url ?? "/"}`, {
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

async function send(res: ServerResponse, response: Response): Promise<void> {
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, "content-length": String(payload.length) });
  res.end(payload);
}
