/**
 * Where `fake.handlers` gets msw from, msw being an optional peer dependency that the main entry must
 * not import. In order: the `http` registered by `@hogkit/testing/msw` when it was imported anywhere
 * (one slot on globalThis, so the ESM and CommonJS builds and both msw copies share it), then a
 * synchronous `require("msw")` through `createRequire` (reached with `process.getBuiltinModule` on
 * Node, Deno and Bun, so no `node:` import reaches a browser bundle), else the CommonJS build's own
 * `require`. A browser bundle has neither: there `mswHandlers()` is the way.
 */
import type { MswHttp } from "./msw-handlers.js";

const SLOT = Symbol.for("@hogkit/testing/msw");

type Slot = { [SLOT]?: MswHttp };
type Require = (id: string) => unknown;

export function registerMsw(http: MswHttp): void {
  (globalThis as Slot)[SLOT] = http;
}

export function loadMswHttp(): MswHttp {
  const registered = (globalThis as Slot)[SLOT];
  if (registered) return registered;
  let cause: unknown;
  const load = syncRequire();
  if (load) {
    try {
      const http = (load("msw") as { http?: MswHttp }).http;
      if (http) {
        registerMsw(http);
        return http;
      }
    } catch (error) {
      cause = error;
    }
  }
  const reason = !load
    ? "this runtime cannot load it synchronously (a browser bundle)"
    : isNotFound(cause)
      ? "msw is not installed (it is an optional peer dependency: npm install --save-dev msw)"
      : `loading it failed: ${(cause as Error | undefined)?.message ?? "no http export"}`;
  throw new Error(
    `[hogkit] fake.handlers needs msw, but ${reason}. Use mswHandlers(fake) from "@hogkit/testing/msw" ` +
      "(setupServer(...mswHandlers(fake)) or setupWorker(...mswHandlers(fake))), or import that entry once " +
      "before reading fake.handlers.",
    { cause },
  );
}

/** A synchronous `require` resolving from this package, or undefined where there is none (a browser bundle). */
export function syncRequire(): Require | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = process?.getBuiltinModule?.("node:module") as
    | { createRequire?: (from: string) => Require }
    | undefined;
  // Node 20.16+, Deno and Bun, from either build (tsup shims import.meta.url in the CommonJS one).
  if (nodeModule?.createRequire) return nodeModule.createRequire(import.meta.url);
  // Older runtimes: the CommonJS build's own require (in the ESM build a bundler's stub, which throws).
  return typeof require === "function" ? (require as Require) : undefined;
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND";
}
