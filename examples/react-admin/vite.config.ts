import { defineConfig } from "vite";
import { posthogProxy } from "./proxy/vite-plugin.js";

export default defineConfig({
  // React's automatic JSX runtime through esbuild; no Babel plugin needed for this example.
  esbuild: { jsx: "automatic" },
  plugins: [posthogProxy()],
  build: {
    rollupOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
