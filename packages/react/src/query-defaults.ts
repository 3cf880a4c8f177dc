/**
 * Defaults for every generated query. @hogkit/client already retries 429s, 5xx and dropped
 * connections with backoff; letting TanStack Query retry on top would multiply requests (3 × 3 by
 * default) during exactly the storms the backoff is for. So queries do not retry API errors.
 */
import { isPostHogApiError } from "@hogkit/client";

export function retryUnlessApiError(failureCount: number, error: unknown): boolean {
  return !isPostHogApiError(error) && failureCount < 3;
}

/** The next offset of a limit/offset page, read from its absolute `next` URL (null on the last page). */
export function nextOffset(page: { next?: string | null }): number | undefined {
  if (!page.next) return undefined;
  const offset = new URL(page.next).searchParams.get("offset");
  const value = offset === null ? Number.NaN : Number(offset);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
