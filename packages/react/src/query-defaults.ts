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

/**
 * The next offset of a limit/offset page, read from its `next` link (null on the last page): an
 * absolute URL from PostHog, or a path from a same-origin proxy that knows no public origin.
 */
export function nextOffset(page: { next?: string | null }): number | undefined {
  if (!page.next) return undefined;
  let offset: string | null = null;
  try {
    offset = new URL(page.next, "http://relative.invalid").searchParams.get("offset");
  } catch {}
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
