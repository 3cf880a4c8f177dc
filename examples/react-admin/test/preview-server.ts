/** The built example app served by Vite's preview server on loopback, its proxy wired to a given upstream. */
import { resolve } from "node:path";
import { preview } from "vite";
import type { Upstream } from "../proxy/upstream.js";
import { posthogProxy } from "../proxy/vite-plugin.js";

export async function servePreview(upstream: Upstream): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({
    root: resolve(import.meta.dirname, ".."),
    configFile: false,
    plugins: [posthogProxy({ upstream })],
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
    logLevel: "silent",
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("the preview server did not report a URL");
  return { url: url.replace(/\/$/, ""), close: () => server.close() };
}
