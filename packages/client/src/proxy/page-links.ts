/**
 * PostHog's pages carry absolute `next`/`previous` links on PostHog's own host. Through the proxy
 * they must name the proxy instead: the browser follows them there (`iterate()` refuses a link to
 * another origin, and would send nothing to PostHog directly anyway).
 */

export interface LinkBases {
  /** PostHog's origin and path prefix, no trailing slash (`https://us.posthog.com`). */
  upstream: string;
  /**
   * The proxy's public origin plus its base path (`https://app.example.com/posthog-proxy`), or the
   * base path alone (`/posthog-proxy`) when the app configured no public origin.
   */
  public: string;
}

/** The link pointed at the proxy, or null when it does not point at this PostHog. */
export function rewriteLink(link: string, bases: LinkBases): string | null {
  let url: URL;
  let upstream: URL;
  try {
    url = new URL(link);
    upstream = new URL(bases.upstream);
  } catch {
    return null;
  }
  // A self-hosted PostHog behind a TLS terminator often writes http:// links to itself.
  const sameHost = url.host === upstream.host && (url.protocol === upstream.protocol || url.protocol === "http:");
  const prefix = upstream.pathname.replace(/\/$/, "");
  if (!sameHost || !url.pathname.startsWith(`${prefix}/`)) return null;
  return `${bases.public}${url.pathname.slice(prefix.length)}${url.search}`;
}

/** The body with its page links rewritten; the text unchanged when it is not such a page. */
export function rewritePageLinks(text: string, bases: LinkBases): string {
  let page: unknown;
  try {
    page = JSON.parse(text);
  } catch {
    return text;
  }
  if (!page || typeof page !== "object" || Array.isArray(page)) return text;
  const record = page as Record<string, unknown>;
  let changed = false;
  for (const key of ["next", "previous"]) {
    const link = record[key];
    if (typeof link !== "string") continue;
    // A link elsewhere stays as it was: iterate() refuses it, and nothing follows it with the proxy's credential.
    const rewritten = rewriteLink(link, bases) ?? link;
    if (rewritten !== link) {
      record[key] = rewritten;
      changed = true;
    }
  }
  return changed ? JSON.stringify(record) : text;
}
