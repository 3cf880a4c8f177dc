import { defineConfig } from "vitest/config";

// One file, two transports: MSW patches the global fetch, so the files must not share a worker.
export default defineConfig({ test: { include: ["*.test.ts"], testTimeout: 30_000, fileParallelism: false } });
