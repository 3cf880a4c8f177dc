/**
 * A proxy handler served over real HTTP on 127.0.0.1, so tests can send request targets exactly as
 * written (`..`, `%2F`, `//host`), which `fetch` and `new Request` would normalise first. Node's
 * (req, res) become a Fetch Request the way the README's adapter does it.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { onTestFinished } from "vitest";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ProxyServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Sends `target` verbatim as the request line's path. */
  raw(method: string, target: string, headers?: Record<string, string>, body?: string | Buffer): Promise<RawAnswer>;
}

export async function serveProxy(handler: (request: Request) => Promise<Response>): Promise<ProxyServer> {
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const method = req.method ?? "GET";
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), {
      method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request);
    const out: Record<string, string[]> = {};
    response.headers.forEach((value, name) => {
      out[name] = [...(out[name] ?? []), value];
    });
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    raw: (method, target, headers = {}, body) =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, method, path: target, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
        });
        req.on("error", reject);
        req.end(body);
      }),
  };
}
