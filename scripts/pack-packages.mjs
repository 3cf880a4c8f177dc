#!/usr/bin/env node
/**
 * `node scripts/pack-packages.mjs <dir>`: `pnpm pack` every public package of packages/* into <dir>,
 * exactly as `changeset publish` would upload it (pnpm rewrites `workspace:*` to the version), and
 * print `{ name: tarballPath }` as JSON. The runtime matrix and the release checks install these
 * tarballs, never the workspace folders, so they test what users download. Builds nothing: run
 * `pnpm build` first.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The publishable packages: folders of packages/ whose package.json is not private. */
export function publicPackages() {
  const root = join(repoRoot, "packages");
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(root, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { name: manifest.name, version: manifest.version, private: manifest.private === true, dir, manifest };
    })
    .filter((pkg) => !pkg.private);
}

/** Packs every public package into `destination`; resolves to `{ [name]: absolute tarball path }`. */
export async function packPackages(destination) {
  const dest = resolve(destination);
  mkdirSync(dest, { recursive: true });
  const tarballs = {};
  for (const pkg of publicPackages()) {
    for (const file of ["dist", "package.json"]) {
      if (!readdirSync(pkg.dir).includes(file))
        throw new Error(`${pkg.name}: no ${file} in ${pkg.dir} (run pnpm build)`);
    }
    const { stdout } = await run("pnpm", ["pack", "--pack-destination", dest], { cwd: pkg.dir });
    // pnpm prints the file list, then the tarball path on the last line.
    const path = stdout.trim().split("\n").at(-1)?.trim();
    if (!path?.endsWith(".tgz")) throw new Error(`${pkg.name}: unexpected pnpm pack output:\n${stdout}`);
    tarballs[pkg.name] = resolve(dest, path);
  }
  return tarballs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const destination = process.argv[2];
  if (!destination) {
    console.error("usage: node scripts/pack-packages.mjs <destination-dir>");
    process.exit(2);
  }
  console.log(JSON.stringify(await packPackages(destination), null, 2));
}
