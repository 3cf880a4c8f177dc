/** DRF's LimitOffsetPagination (PAGE_SIZE 100, no maximum) and PostHog's page-number activity links. */

const INTEGER = /^\s*[+-]?\d+\s*$/;

function positiveInt(value: string | null, fallback: number, strict: boolean): number {
  if (value === null || !INTEGER.test(value)) return fallback;
  const n = Number.parseInt(value, 10);
  return n < 0 || (strict && n === 0) ? fallback : n;
}

export interface OffsetPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export function offsetPage<T>(url: URL, items: T[], defaultLimit = 100): OffsetPage<T> {
  const limit = positiveInt(url.searchParams.get("limit"), defaultLimit, true);
  const offset = positiveInt(url.searchParams.get("offset"), 0, false);
  const count = items.length;
  const link = (newOffset: number | null) => {
    const target = new URL(url);
    target.searchParams.set("limit", String(limit));
    if (newOffset === null) target.searchParams.delete("offset");
    else target.searchParams.set("offset", String(newOffset));
    return target.href;
  };
  return {
    count,
    next: offset + limit >= count ? null : link(offset + limit),
    previous: offset <= 0 ? null : link(offset - limit <= 0 ? null : offset - limit),
    results: items.slice(offset, offset + limit),
  };
}

/** `format_query_params_absolute_url(request, page±1, limit, offset_alias="page")`. */
export function pageLink(url: URL, page: number, limit: number): string {
  const target = new URL(url);
  target.searchParams.set("limit", String(limit));
  target.searchParams.set("page", String(page));
  return target.href;
}
