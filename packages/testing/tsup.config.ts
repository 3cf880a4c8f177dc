import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.shared.ts";

export default defineConfig([
  // `msw` is its own entry: the only one that imports msw (an optional peer dependency).
  libraryBuild(["src/index.ts", "src/msw.ts"], { shims: true }),
  // The CLI: ESM only, with its shebang (kept by tsup from the first line of the entry).
  { entry: { cli: "src/cli/index.ts" }, format: ["esm"], dts: false, clean: false, sourcemap: false, target: "es2022" },
]);
