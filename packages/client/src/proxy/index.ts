/**
 * @hogkit/client/proxy: a same-origin proxy for PostHog's API, as one Fetch-API handler that
 * mounts in a Next.js route handler, Hono, Bun.serve, Deno.serve, and — through `toNodeListener` —
 * node:http, Express and Vite's dev server.
 */
export { createProxyHandler, type ProxyHandler } from "./handler.js";
export { type NodeRequestLike, type NodeResponseLike, toNodeListener } from "./node-listener.js";
export type { Authorization, ProxyEvent, ProxyOperationName, ProxyOptions, SessionSource } from "./options.js";
export type { ProxyOperation } from "./routes.js";
