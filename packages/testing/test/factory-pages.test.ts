/**
 * Page factories build pages a client can walk: `count`, `next` and `previous` agree with the results
 * as PostHog's pagination answers them. Served from an MSW handler, `page.records` paged by the
 * request's `limit`/`offset`, `iterate()` of the built @hogkit/client reads exactly those records and
 * stops. Which factories are page factories, their routes and their item factories all come from the
 * generated operation and factory tables.
 */
import { createClient } from "@hogkit/client";
import { operationTable } from "@hogkit/types";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFactories, createSchemaValidator, factoryTable } from "../src/index.js";

const HOST = "https://us.posthog.com";
const validator = createSchemaValidator();
const factoryOf = (schema: string | null) =>
  Object.entries(factoryTable).find(([, entry]) => entry.schema === schema && entry.view === "read")?.[0];

/** Every offset-paginated list, with the factory of its page and of its items. */
const lists = operationTable
  .filter((op) => op.pagination?.style === "offset")
  .map((op) => ({
    op,
    pageFactory: factoryOf(op.responseSchema),
    itemFactory: factoryOf(op.pagination?.itemSchema ?? null),
  }));

type Build = (overrides?: unknown, page?: { records?: readonly unknown[]; url?: string | URL }) => unknown;
type Page = { count: number; next: string | null; previous: string | null; results: unknown[] };

const factories = createFactories({ seed: 5 }) as unknown as Record<string, Build>;
/** The records each list serves, and the URLs its handler was asked for. */
const served = new Map(
  lists.map(({ op, itemFactory }) => [op.operationId, Array.from({ length: 7 }, () => factories[itemFactory!]!())]),
);
const requested: string[] = [];
const server = setupServer(
  ...lists.map(({ op, pageFactory }) =>
    http.get(`*${op.path.replace(/\{(\w+)\}/g, ":$1")}`, ({ request }) => {
      requested.push(request.url);
      return HttpResponse.json(
        factories[pageFactory!]!({}, { records: served.get(op.operationId)!, url: request.url }) as object,
      );
    }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("the offset-paginated lists of the spec each have a page factory and an item factory", () => {
  expect(lists.length).toBeGreaterThan(0);
  expect(lists.map(({ pageFactory }) => pageFactory)).toContain("buildProjectsPage");
  for (const { op, pageFactory, itemFactory } of lists) {
    expect(pageFactory, op.operationId).toBeDefined();
    expect(itemFactory, op.operationId).toBeDefined();
  }
});

describe.each(lists)("$pageFactory", ({ op, pageFactory }) => {
  const resource = op.resource as "projects";
  const client = createClient({ host: HOST, apiKey: "phx_page_factory_test_key_0000000000000000000000" });

  it("served through MSW, iterate() walks every page and reads exactly the records", async () => {
    requested.length = 0;
    const seen: unknown[] = [];
    for await (const item of client[resource].iterate({ limit: 3 })) seen.push(item);
    expect(seen).toEqual(served.get(op.operationId));
    // 7 records, 3 a page: offsets 0, 3 and 6, then a null next.
    expect(requested.map((url) => new URL(url).searchParams.get("offset") ?? "0")).toEqual(["0", "3", "6"]);
  });

  it("a page in the middle links both neighbours, as PostHog's LimitOffsetPagination does", () => {
    const records = served.get(op.operationId)!;
    const url = new URL(op.path.replace("{organization_id}", "@current"), HOST);
    url.search = "?limit=2&offset=2";
    const page = factories[pageFactory!]!({}, { records, url }) as Page;
    expect(page.count).toBe(7);
    expect(page.results).toEqual(records.slice(2, 4));
    expect(new URL(page.next!).searchParams.toString()).toBe("limit=2&offset=4");
    // DRF drops `offset` from the link to the first page.
    expect(new URL(page.previous!).searchParams.toString()).toBe("limit=2");
    expect(new URL(page.next!).origin + new URL(page.next!).pathname).toBe(`${HOST}${url.pathname}`);
    expect(validator.errors(factoryTable[pageFactory as keyof typeof factoryTable].schema, "read", page)).toBeNull();
    const last = factories[pageFactory!]!({}, { records }) as Page;
    expect([last.count, last.results.length, last.next, last.previous]).toEqual([7, 7, null, null]);
  });

  it("without page.records the page is the whole list; explicit overrides still win", () => {
    for (let seed = 0; seed < 50; seed++) {
      const page = (createFactories({ seed }) as unknown as Record<string, Build>)[pageFactory!]!() as Page;
      expect([page.count, page.next, page.previous]).toEqual([page.results.length, null, null]);
    }
    const one = factories[pageFactory!]!({ results: [served.get(op.operationId)![0]] }) as Page;
    expect([one.count, one.next, one.previous]).toEqual([1, null, null]);
    const part = factories[pageFactory!]!({ count: 40, next: `${HOST}/next` }) as Page;
    expect([part.count, part.next]).toEqual([40, `${HOST}/next`]);
  });

  it("bad page options are refused with what to do", () => {
    const build = factories[pageFactory!]!;
    expect(() => build({ results: [] }, { records: [] })).toThrow(
      `[hogkit factories] ${pageFactory}: pass the list's records as page.records or this page's results as overrides.results, not both`,
    );
    expect(() => build({}, { records: [], url: "/relative" })).toThrow(
      `[hogkit factories] ${pageFactory}: page.url must be an absolute URL; got "/relative"`,
    );
  });
});

it("the page options are typed with the list's item type", () => {
  const f = createFactories();
  const page = f.buildProjectsPage({}, { records: [f.buildProjectBasic()], url: `${HOST}/x/` });
  expect(page.count).toBe(1);
  // @ts-expect-error records are the list's items, not organizations
  f.buildProjectsPage({}, { records: [f.buildOrganization()] });
});
