import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.shared.ts";

export default defineConfig(libraryBuild({ index: "src/index.ts", raw: "src/raw.ts", proxy: "src/proxy/index.ts" }));
