/**
 * A Vite plugin that serves `/posthog-proxy/*` from the dev and preview servers: the same-origin
 * proxy the React admin talks to. `/posthog-proxy/__proxy/info` says what it is connected to.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "vite";
import { sendFetchResponse, toFetchRequest } from "./node-adapter.js";
import { rewritePageLinks } from "./rewrite-links.js";
import { createUpstream, type Upstream } from "./upstream.js";

export const PROXY_PREFIX = "/posthog-proxy";

export interface PostHogProxyOptions {
  /** Where to read POSTHOG_HOST and the credentials from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Use this upstream instead of choosing one from the environment (tests pass the fake they assert on). */
  upstream?: Upstream;
}

export function posthogProxy(options: PostHogProxyOptions = {}): Plugin {
  let upstream: Promise<Upstream> | undefined = options.upstream ? Promise.resolve(options.upstream) : undefined;
  const middleware = async (req: IncomingMessage, res: ServerResponse) => {
    upstream ??= createUpstream(options.env ?? process.env);
    try {
      const target = await upstream;
      const path = (req.url ?? "/").replace(/^\/posthog-proxy/, "") || "/";
      if (path === "/__proxy/info") {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ backend: target.backend, credentials: target.credentials }));
        return;
      }
      const publicBase = `http://${req.headers.host ?? "localhost"}${PROXY_PREFIX}`;
      const request = await toFetchRequest(req, new URL(publicBase + path));
      const response = await target.forward(path, request);
      await sendFetchResponse(res, await rewritePageLinks(response, target.origin, publicBase));
    } catch (error) {
      res.statusCode = 502;
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
