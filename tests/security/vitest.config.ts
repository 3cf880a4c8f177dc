import { defineConfig } from "vitest/config";

// Each file starts its own servers on loopback; the size tests move hundreds of MiB, so one file at a time.
export default defineConfig({ test: { include: ["*.test.ts"], testTimeout: 60_000, fileParallelism: false } });
