import { defineConfig } from "vite";
import { posthogProxy } from "./proxy/vite-plugin.js";

export default defineConfig({
  // React's automatic JSX runtime through esbuild; no Babel plugin needed for this example.
  esbuild: { jsx: "automatic" },
  plugins: [posthogProxy()],
});
