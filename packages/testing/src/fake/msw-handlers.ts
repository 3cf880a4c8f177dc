/** The fake as MSW request handlers, for any base URL: every path prefix of the API delegates to `handle`. */
import { type HttpHandler, http } from "msw";
import type { FakeCore } from "./fake-core.js";
import { pathPrefixes } from "./routes.js";

export function mswHandlers(fake: FakeCore): HttpHandler[] {
  // `Response.error()` from `handle` is a dropped connection; MSW turns it into a network error.
  return pathPrefixes(fake.operations).map((prefix) => http.all(`*${prefix}*`, ({ request }) => fake.handle(request)));
}
