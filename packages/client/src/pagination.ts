/**
 * Following `next` links. PostHog's links are absolute URLs; the client follows one only on the
 * origin it was created for, because it sends the API key with every request.
 */
import { InvalidResponseError } from "./errors/invalid-response-error.js";

export function nextPageUrl(next: string, current: string, origin: string, operation: string, method: string): string {
  let url: URL;
  try {
    url = new URL(next, current);
  } catch {
    throw refuse(`an unreadable next link ${JSON.stringify(next.slice(0, 120))}`);
  }
  // A self-hosted PostHog behind a TLS proxy often builds http:// links to itself: go on over https.
  if (url.protocol === "http:" && origin.startsWith("https:") && `https://${url.host}` === origin)
    url.protocol = "https:";
  if (url.origin !== origin) {
    throw refuse(`a next link to ${url.origin}, which is not ${origin}; following it would send your API key there`);
  }
  return url.href;

  function refuse(what: string): InvalidResponseError {
    return new InvalidResponseError({
      message: `${operation}: PostHog answered with ${what}`,
      method,
      url: current,
      operation,
    });
  }
}
