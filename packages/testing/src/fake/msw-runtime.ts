/**
 * Whether the installed msw can run here. msw 3's Node interceptors call `Promise.withResolvers`
 * (ES2024, Node.js 22) on every request, and msw 3 declares Node.js >=22.12.0. On an older Node it
 * installs and loads without a word, then every intercepted `fetch` fails with `TypeError: fetch
 * failed`, caused by `Promise.withResolvers is not a function`. Making the handlers says so first.
 */
import { syncRequire } from "./msw-loader.js";

/** What msw's package.json says about itself. */
export interface MswPackage {
  version?: string;
  engines?: { node?: string };
}

export interface Runtime {
  hasPromiseWithResolvers: boolean;
  /** `process.versions.node`, where there is one. */
  nodeVersion?: string;
}

/** The error message for running this msw on this runtime, or undefined when it can run. */
export function mswRuntimeProblem(msw: MswPackage | undefined, runtime: Runtime): string | undefined {
  const major = Number.parseInt(msw?.version ?? "", 10);
  // msw 2 needs no Promise.withResolvers; an msw whose version we cannot read gets the benefit of the doubt.
  if (runtime.hasPromiseWithResolvers || !(major >= 3)) return undefined;
  const range = msw?.engines?.node?.trim();
  const minimum = range?.match(/^>=\s*v?(\d+(?:\.\d+)*)$/)?.[1];
  const needs = minimum ? `Node.js ${minimum} or later` : range ? `Node.js ${range}` : "a newer Node.js";
  const here = runtime.nodeVersion ? `Node.js ${runtime.nodeVersion}` : "this runtime";
  return (
    `[hogkit] msw ${msw?.version} needs ${needs} (this is ${here}, which has no Promise.withResolvers): ` +
    "upgrade Node.js, or install msw 2 (npm install --save-dev msw@2), which @hogkit/testing supports as well."
  );
}

/** Throws `mswRuntimeProblem`'s message for the msw this package resolves, on this runtime. */
export function assertMswCanRun(): void {
  // Every runtime msw 3 supports has it: then there is nothing to read.
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers === "function") return;
  const problem = mswRuntimeProblem(readMswPackage(), {
    hasPromiseWithResolvers: false,
    nodeVersion: (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node,
  });
  if (problem) throw new Error(problem);
}

function readMswPackage(): MswPackage | undefined {
  try {
    return syncRequire()?.("msw/package.json") as MswPackage | undefined;
  } catch {
    return undefined; // not resolvable from here (a bundle): msw will speak for itself
  }
}
