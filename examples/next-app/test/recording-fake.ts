/**
 * The fake PostHog over real HTTP on loopback, recording every request it receives (method, path,
 * headers, body) so tests can say what reached "PostHog", and able to hold requests back until a
 * test releases them (to watch an optimistic update while the server has not answered yet).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakePostHog } from "@hogkit/testing";

export interface Received {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface RecordingFake {
  url: string;
  received: Received[];
  /** Holds the next request with this method until the returned function is called. */
  hold(method: string): () => void;
  close(): Promise<void>;
}

export async function serveRecordingFake(fake: FakePostHog): Promise<RecordingFake> {
  const received: Received[] = [];
  const holds: Array<{ method: string; gate: Promise<void> }> = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? "GET";
    received.push({ method, url: req.url ?? "/", headers: req.headers, body: body.toString("utf8") });
    const held = holds.findIndex((h) => h.method === method);
    if (held >= 0) await holds.splice(held, 1)[0]?.gate;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && name !== "connection" && name !== "content-length") {
        headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
    }
    const response = await fake.handle(
      new Request(`http://${req.headers.host}${req.url}`, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" || body.length === 0 ? undefined : body,
      }),
    );
    const payload = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    // What an edge in front of PostHog (or a compromised one) may add: the proxy must pass none of it on.
    const edge = {
      "cache-control": "public, max-age=600",
      "access-control-allow-origin": "*",
      server: "nginx",
      "x-powered-by": "Django",
    };
    res.writeHead(response.status, { ...out, ...edge, "content-length": String(payload.length) });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    hold(method) {
      let release = () => {};
      holds.push({ method, gate: new Promise<void>((resolve) => (release = resolve)) });
      return () => release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
