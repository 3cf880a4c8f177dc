/**
 * Defaults for every generated query. @hogkit/client already retries 429s, 5xx and dropped
 * connections with backoff; letting TanStack Query retry on top would multiply requests (3 × 3 by
 * default) during exactly the storms the backoff is for. So queries do not retry API errors.
 */
import { isPostHogApiError, type PostHogApiError } from "@hogkit/client";
import type { DataTag } from "@tanstack/react-query";

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

/**
 * Tags a query key with the data its query returns, as TanStack's `queryOptions` does, so that
 * `queryClient.getQueryData(key)` is typed. Only a type changes: the key is returned as it is.
 */
export function dataTag<T>(key: readonly unknown[]): DataTag<readonly unknown[], T, PostHogApiError> {
  return key as DataTag<readonly unknown[], T, PostHogApiError>;
}
