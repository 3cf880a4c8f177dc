#!/usr/bin/env node
/**
 * `pnpm generate`: compiles scripts/generate (TypeScript) into one ESM file with esbuild, its
 * dependencies left as imports, then runs it. Compiling the ~20 small files ahead takes ~50 ms,
 * where a TypeScript loader (tsx) spends about a second on every run (bench/codegen measures it).
 */
import { createHash } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
// One compiled file per checkout: a scratch copy sharing node_modules must not reuse ours.
const checkout = createHash("sha256").update(root).digest("hex").slice(0, 12);
const outfile = join(root, `node_modules/.cache/hogkit/generate-${checkout}.mjs`);

// The sources find the repository from their own directory: keep `import.meta.dirname` theirs.
const ownDirname = {
  name: "own-dirname",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, "utf8")).replaceAll(
        "import.meta.dirname",
        JSON.stringify(dirname(args.path)),
      ),
      loader: "ts",
    }));
  },
};

/** The compiled file is reused while none of the sources esbuild read for it changed since. */
async function upToDate() {
  try {
    const built = (await stat(outfile)).mtimeMs;
    const inputs = Object.keys(JSON.parse(await readFile(`${outfile}.meta.json`, "utf8")).inputs);
    const times = await Promise.all(inputs.map(async (input) => (await stat(join(root, input))).mtimeMs));
    return times.every((time) => time < built);
  } catch {
    return false;
  }
}

if (!(await upToDate())) {
  const result = await build({
    entryPoints: [join(root, "scripts/generate/main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [ownDirname],
    logLevel: "error",
    metafile: true,
    absWorkingDir: root,
  });
  await writeFile(`${outfile}.meta.json`, JSON.stringify(result.metafile));
}
await import(pathToFileURL(outfile).href);
