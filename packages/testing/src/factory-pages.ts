/**
 * Pages that a client can walk: the factories of offset-paginated lists (`buildProjectsPage`,
 * `buildOrganizationsPage`) answer `count`, `next` and `previous` as PostHog's LimitOffsetPagination
 * does for their `results`, so that serving them (from MSW, say) lets `iterate()` read every record
 * and stop. Which factories these are comes from the operation table: a list operation with offset
 * pagination whose response schema the factory builds.
 */
import type { OperationInfo } from "@hogkit/types";
import { offsetPage } from "./fake/engine/pagination.js";
import { deepMerge } from "./overrides.js";

/** The second argument of a page factory: which page of which list it builds. */
export interface PageOptions<Item> {
  /**
   * Every record of the list. The page holds the slice that `url`'s `offset` and `limit` select
   * (default 0 and PostHog's page size, 100), `count` is the number of records, and `next` and
   * `previous` link the neighbouring pages (null at either end). Without it, the page's `results`
   * (generated, or given in the overrides) are the whole list: `count` is their number, no links.
   */
  records?: readonly Item[];
  /**
   * The URL this page answers (in an MSW resolver, `request.url`): `next` and `previous` are built on
   * it. Default: the list operation's path on https://us.posthog.com, organization `@current`.
   */
  url?: string | URL;
}

interface Page {
  count?: unknown;
  next?: unknown;
  previous?: unknown;
  results?: unknown;
}

const DEFAULT_HOST = "https://us.posthog.com";
const PAGE_SIZE = 100;

/** The list operations of `operations` with offset pagination, by the schema of their response. */
export function offsetListsBySchema(operations: readonly OperationInfo[]): Map<string, OperationInfo> {
  const lists = new Map<string, OperationInfo>();
  for (const operation of operations) {
    if (operation.pagination?.style === "offset" && operation.responseSchema && operation.httpMethod === "GET") {
      lists.set(operation.responseSchema, operation);
    }
  }
  return lists;
}

/** `generated` (a page the schema generator made) with consistent `count`/`next`/`previous`, then `overrides`. */
export function consistentPage(
  factory: string,
  list: OperationInfo,
  generated: Page,
  overrides: Page | undefined,
  page: PageOptions<unknown> = {},
): unknown {
  if (page.records !== undefined && overrides?.results !== undefined) {
    throw new TypeError(
      `[hogkit factories] ${factory}: pass the list's records as page.records or this page's results as ` +
        "overrides.results, not both",
    );
  }
  if (page.records !== undefined && !Array.isArray(page.records)) {
    throw new TypeError(`[hogkit factories] ${factory}: page.records must be an array of the list's records`);
  }
  const results = (overrides?.results ?? generated.results) as unknown[];
  const links = page.records
    ? offsetPage(pageUrl(factory, list, page.url), [...page.records], PAGE_SIZE)
    : { count: results.length, next: null, previous: null, results };
  // Explicit overrides still win (`count: 2` with one result is a page of a longer list).
  return deepMerge({ ...generated, ...links }, overrides);
}

function pageUrl(factory: string, list: OperationInfo, url: string | URL | undefined): URL {
  if (url !== undefined) {
    try {
      return new URL(url);
    } catch {
      throw new TypeError(
        `[hogkit factories] ${factory}: page.url must be an absolute URL; got ${JSON.stringify(String(url))}`,
      );
    }
  }
  const path = list.path.replaceAll("{organization_id}", "@current");
  if (path.includes("{")) {
    throw new TypeError(`[hogkit factories] ${factory}: pass page.url, the URL of ${list.path} this page answers`);
  }
  return new URL(path, DEFAULT_HOST);
}
