import type { NextConfig } from "next";

const config: NextConfig = {
  // PostHog's API paths end in a slash (`/api/organizations/@current/projects/`). By default Next.js
  // answers such a path with a 308 to the path without it; the proxy would still match it, but every
  // call would cost a redirect. With this, /posthog-proxy/… reaches the route handler as sent.
  skipTrailingSlashRedirect: true,
  // No `X-Powered-By: Next.js` on the answers, the proxy's included: nothing that names the server.
  poweredByHeader: false,
  // The embedded fake (@hogkit/testing) is loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@hogkit/testing", "msw"],
};

export default config;
