import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.shared.ts";

// Splitting for CommonJS too: the entries share one copy of the runtime and of the error classes,
// so that `instanceof NotFoundError` holds whichever entry threw it.
export default defineConfig(
  libraryBuild(
    {
      index: "src/index.ts",
      core: "src/core.ts",
      funcs: "src/funcs.ts",
      raw: "src/raw.ts",
      proxy: "src/proxy/index.ts",
    },
    { splitting: true },
  ),
);
