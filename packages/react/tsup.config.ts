import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.shared.ts";

export default defineConfig(
  libraryBuild(["src/index.ts"], { external: ["react", "@tanstack/react-query", "@hogkit/client", "@hogkit/types"] }),
);
