import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests that import "@hogkit/react" by name (the README quick start) get the built package, as users do.
    alias: { "@hogkit/react": fileURLToPath(new URL("./dist/index.js", import.meta.url)) },
  },
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    testTimeout: 30_000,
  },
});
