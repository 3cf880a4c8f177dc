/**
 * The build every published package shares: ESM and CommonJS with declarations for both, ES2022,
 * no sourcemaps. Each package's tsup.config.ts passes its entries (and any extra options).
 */
import type { Options } from "tsup";

export function libraryBuild(entry: Options["entry"], extra: Options = {}): Options {
  return { entry, format: ["esm", "cjs"], dts: true, clean: true, sourcemap: false, target: "es2022", ...extra };
}
