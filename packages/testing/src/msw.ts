/**
 * `@hogkit/testing/msw`: the fake as MSW request handlers, for `setupServer` (Node, Deno, Bun) and
 * `setupWorker` (browsers). The only entry of the package that imports msw (2 or 3), so projects that
 * use `fake.listen()`, `fake.handle()` or `hogkit-mock` need no msw at all.
 */
import { type HttpHandler, http } from "msw";
import type { FakeCore } from "./fake/fake-core.js";
import { createMswHandlers } from "./fake/msw-handlers.js";
import { registerMsw } from "./fake/msw-loader.js";

// So that `fake.handlers` (the older spelling) finds msw without loading it itself, in a bundle too.
registerMsw(http);

/**
 * MSW handlers for every operation of the fake, on any base URL:
 * `setupServer(...mswHandlers(fake))`. They match only the API's paths (`*\/api/organizations/*`)
 * and leave every other request alone.
 */
export function mswHandlers(fake: Pick<FakeCore, "handle" | "operations">): HttpHandler[] {
  return createMswHandlers<HttpHandler>(http, fake);
}
