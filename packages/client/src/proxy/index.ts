/**
 * @hogkit/client/proxy: a same-origin proxy for PostHog's API, as one Fetch-API handler that
 * mounts in a Next.js route handler, Hono, Bun.serve, Deno.serve or Vite's dev server.
 */
export { createProxyHandler, type ProxyHandler } from "./handler.js";
export type { ProxyEvent, ProxyOperationName, ProxyOptions, SessionSource } from "./options.js";
export type { ProxyOperation } from "./routes.js";
