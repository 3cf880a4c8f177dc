/**
 * A Vite plugin that serves `/posthog-proxy/*` from the dev and preview servers with
 * `createProxyHandler` from @hogkit/client/proxy: the same-origin proxy the React admin talks to.
 * `/posthog-proxy/__proxy/info` says what it is connected to (never with which secret).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createProxyHandler, type ProxyOperationName, toNodeListener } from "@hogkit/client/proxy";
import type { Plugin } from "vite";
import { createUpstream, type Upstream } from "./upstream.js";

export const PROXY_PREFIX = "/posthog-proxy";

/** Reads pass by default; the writes the admin's pages make are named, and nothing else. */
const ALLOWED: ProxyOperationName[] = [
  "projects.list",
  "projects.retrieve",
  "projects.update",
  "projects.delete",
  "projects.rotateSecretToken",
  "projects.addProductIntent",
];

export interface PostHogProxyOptions {
  /** Where to read POSTHOG_HOST and the credentials from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Use this upstream instead of choosing one from the environment (tests pass the fake they assert on). */
  upstream?: Upstream;
}

export function posthogProxy(options: PostHogProxyOptions = {}): Plugin {
  let connected: Promise<{ upstream: Upstream; listener: ReturnType<typeof toNodeListener> }> | undefined;
  const connect = async () => {
    const upstream = options.upstream ?? (await createUpstream(options.env ?? process.env));
    const handler = createProxyHandler({ ...upstream.proxy, basePath: PROXY_PREFIX, allow: ALLOWED });
    return { upstream, listener: toNodeListener(handler) };
  };
  const middleware = async (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    try {
      connected ??= connect();
      const { upstream, listener } = await connected;
      if (req.url === "/__proxy/info") {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ backend: upstream.backend, credentials: upstream.credentials }));
        return;
      }
      await listener(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({ type: "server_error", code: "proxy_error", detail: (error as Error).message, attr: null }),
      );
    }
  };
  return {
    name: "hogkit-posthog-proxy",
    configureServer(server) {
      server.middlewares.use(PROXY_PREFIX, (req, res) => void middleware(req, res));
    },
    configurePreviewServer(server) {
      server.middlewares.use(PROXY_PREFIX, (req, res) => void middleware(req, res));
    },
  };
}
