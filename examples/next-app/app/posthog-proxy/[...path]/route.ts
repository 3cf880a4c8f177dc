/**
 * The same-origin proxy the browser's client calls (`createClient({ host: "/posthog-proxy" })`): it
 * forwards only PostHog's Projects API operations, adding the key on the server.
 */
import { createProxyHandler, type ProxyHandler } from "@hogkit/client/proxy";
import { backend } from "@/lib/posthog-server";

let proxy: Promise<ProxyHandler> | undefined;

async function handler(request: Request): Promise<Response> {
  proxy ??= backend().then(({ proxy: upstream }) => createProxyHandler({ ...upstream, basePath: "/posthog-proxy" }));
  return (await proxy)(request);
}

// Every method an operation may use; the proxy answers 404 where no operation of the table has it.
export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
