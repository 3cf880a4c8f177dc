/**
 * `createFakePostHog()`: the stateful fake of the Projects API, runnable three ways — `handle`
 * (fetch-style), `handlers` (MSW) and `listen()` (a real HTTP server).
 */
import type { HttpHandler } from "msw";
import { createFakeCore, type FakeCore, type FakePostHogOptions } from "./fake/fake-core.js";
import { type ListenOptions, listen, type RunningServer } from "./fake/http-server.js";
import { mswHandlers } from "./fake/msw-handlers.js";

export interface FakePostHog extends FakeCore {
  /** MSW handlers for every operation, on any base URL: `setupServer(...fake.handlers)`. */
  readonly handlers: HttpHandler[];
  /** Serves the fake over HTTP on 127.0.0.1 (port 0: any free port). */
  listen(options?: ListenOptions): Promise<RunningServer>;
}

export function createFakePostHog(options: FakePostHogOptions = {}): FakePostHog {
  const core = createFakeCore(options);
  return Object.assign(core, {
    handlers: mswHandlers(core),
    listen: (listenOptions?: ListenOptions) => listen(core.handle, listenOptions),
  });
}
