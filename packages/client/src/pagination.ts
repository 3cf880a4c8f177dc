/**
 * Following `next` links. PostHog's links are absolute URLs; the client follows one only on the
 * origin it was created for, because it sends the API key with every request.
 */

/** The URL to fetch next, or why it is refused. */
export function nextPageUrl(next: string, current: string, origin: string): string | { refused: string } {
  let url: URL;
  try {
    url = new URL(next, current);
  } catch {
    return { refused: `an unreadable next link ${JSON.stringify(next.slice(0, 120))}` };
  }
  // A self-hosted PostHog behind a TLS proxy often builds http:// links to itself: go on over https.
  if (url.protocol === "http:" && `https://${url.host}` === origin) url.protocol = "https:";
  if (url.origin !== origin) {
    return {
      refused: `a next link to ${url.origin}, which is not ${origin}; following it would send your API key there`,
    };
  }
  return url.href;
}
