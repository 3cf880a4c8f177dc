/**
 * The same-origin proxy the browser's client calls (`createClient({ host: "/posthog-proxy" })`): it
 * forwards the reads and the two writes this app makes (rename, delete), only from this app's own
 * pages, adding the key on the server. An app with a login checks it in `authorize` (see the
 * @hogkit/client README); this demo has none.
 */
import { createProxyHandler, type ProxyHandler, type ProxyOperationName } from "@hogkit/client/proxy";
import { backend } from "@/lib/posthog-server";

/** Reads pass by default; the writes this app's pages make are named. */
const ALLOWED: ProxyOperationName[] = ["projects.list", "projects.retrieve", "projects.update", "projects.delete"];

let proxy: Promise<ProxyHandler> | undefined;

async function handler(request: Request): Promise<Response> {
  proxy ??= backend().then(({ proxy: upstream }) =>
    createProxyHandler({ ...upstream, basePath: "/posthog-proxy", allow: ALLOWED }),
  );
  return (await proxy)(request);
}

// Every method an operation may use; the proxy answers 404 where no operation of the table has it.
export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
