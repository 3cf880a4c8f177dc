import { resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.shared.ts";

/**
 * Three entries: `queries` (no React), `client` (`"use client"`) and `index` (both). esbuild keeps
 * an entry's own directive but drops it from any module it inlines, and code shared between entries
 * would land in a chunk without it. So an import of another entry's source file becomes an import
 * of that entry's built file: each module's code lives in exactly one output, behind the right
 * directive. `dist/client.js` starts with "use client"; `dist/index.js` only re-exports.
 */
const entries = { index: "src/index.ts", queries: "src/queries.ts", client: "src/client.ts" };

function entryBoundaries(): Plugin {
  const entryOf = new Map(Object.entries(entries).map(([name, file]) => [resolve(import.meta.dirname, file), name]));
  return {
    name: "hogkit-entry-boundaries",
    setup(build) {
      const extension = build.initialOptions.format === "cjs" ? ".cjs" : ".js";
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const name = entryOf.get(resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")));
        return name ? { path: `./${name}${extension}`, external: true } : undefined;
      });
    },
  };
}

export default defineConfig(
  libraryBuild(entries, {
    external: ["react", "@tanstack/react-query", "@hogkit/client", "@hogkit/types"],
    splitting: false,
    esbuildPlugins: [entryBoundaries()],
  }),
);
