/**
 * The fake as MSW request handlers, for any base URL: every path prefix of the API delegates to
 * `handle`. msw itself is passed in (its `http` namespace), so this file imports nothing from msw
 * and the package's main entry never loads it.
 */

import { pathPrefixes } from "./engine/routes.js";
import type { FakeCore } from "./fake-core.js";
import { assertMswCanRun } from "./msw-runtime.js";

/** What the handlers need from msw (2 or 3): `http.all(path, resolver)`. */
export interface MswHttp {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): unknown;
}

export function createMswHandlers<Handler>(http: MswHttp, fake: Pick<FakeCore, "handle" | "operations">): Handler[] {
  // Before the first request, not inside it: msw 3 on Node < 22 would fail every fetch with its own words.
  assertMswCanRun();
  // `Response.error()` from `handle` is a dropped connection; MSW turns it into a network error.
  return pathPrefixes(fake.operations).map(
    (prefix) => http.all(`*${prefix}*`, ({ request }) => fake.handle(request)) as Handler,
  );
}
