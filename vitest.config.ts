import { defineConfig } from "vitest/config";

// Root suites. Each package runs its own vitest through `turbo run test`; these cover the
// generator and spec tooling (`repo`) and, separately, everything that reads ../shared/ (`upstream`),
// so that the README's test command passes on a clone without ../shared/.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "repo", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { name: "upstream", include: ["tests/upstream/**/*.test.ts"], testTimeout: 120_000 } },
    ],
  },
});
