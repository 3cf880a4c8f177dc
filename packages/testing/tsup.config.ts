import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.shared.ts";

export default defineConfig([
  libraryBuild(["src/index.ts"]),
  // The CLI: ESM only, with its shebang (kept by tsup from the first line of the entry).
  { entry: { cli: "src/cli/index.ts" }, format: ["esm"], dts: false, clean: false, sourcemap: false, target: "es2022" },
]);
