/**
 * `createFakePostHog()`: the stateful fake of the Projects API, runnable three ways — `handle`
 * (fetch-style), `listen()` (a real HTTP server) and as MSW handlers (`mswHandlers(fake)` from
 * `@hogkit/testing/msw`, or `fake.handlers`). Nothing here imports msw.
 */
import { createFakeCore, type FakeCore, type FakePostHogOptions } from "./fake/fake-core.js";
import { type ListenOptions, listen, type RunningServer } from "./fake/http-server.js";
import { createMswHandlers } from "./fake/msw-handlers.js";
import { loadMswHttp } from "./fake/msw-loader.js";

/**
 * An MSW request handler (msw's `HttpHandler`, from msw 2 or 3). Loosely typed so that this entry
 * carries no msw types (msw is optional); `mswHandlers()` of `@hogkit/testing/msw` returns msw's type.
 */
// biome-ignore lint/suspicious/noExplicitAny: msw is an optional peer; its types cannot appear in this entry
export type MswRequestHandler = any;

export interface FakePostHog extends FakeCore {
  /**
   * MSW handlers for every operation, on any base URL: `setupServer(...fake.handlers)`. Loads msw on
   * first read (Node, Deno, Bun; ESM and CommonJS).
   * @deprecated Prefer `mswHandlers(fake)` from `@hogkit/testing/msw`: it works in every runtime and
   * bundler (browsers with `setupWorker` included) and is typed with msw's own types.
   */
  readonly handlers: MswRequestHandler[];
  /** Serves the fake over HTTP on 127.0.0.1 (port 0: any free port). */
  listen(options?: ListenOptions): Promise<RunningServer>;
}

export function createFakePostHog(options: FakePostHogOptions = {}): FakePostHog {
  const core = createFakeCore(options);
  let handlers: MswRequestHandler[] | undefined;
  const fake = Object.assign(core, {
    listen: (listenOptions?: ListenOptions) => listen(core, listenOptions),
  });
  Object.defineProperty(fake, "handlers", {
    enumerable: true,
    get: () => {
      handlers ??= createMswHandlers<MswRequestHandler>(loadMswHttp(), core);
      return handlers;
    },
  });
  return fake as FakePostHog;
}
