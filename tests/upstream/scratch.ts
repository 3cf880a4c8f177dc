/**
 * Scratch copies of the repository for tests that regenerate the packages from another spec: the
 * working tree's files, the root node_modules shared, each workspace's own node_modules (relative links)
 * copied. Nothing is ever written to the real checkout.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const PACKAGES = ["types", "client", "testing", "react"];

export interface Scratch {
  dir: string;
  /** Runs a Node script of the copy (`scripts/generate/run.mjs`, …) in its root; returns stdout. */
  node(args: string[], cwd?: string): string;
  /** Builds the four packages (tsup), in dependency order. */
  build(): void;
  remove(): void;
}

/**
 * `ownModules`: the root node_modules is the copy's own (hard links where the file system allows,
 * else a copy) instead of a symlink to the checkout's. Next.js's Turbopack refuses to compile
 * modules that resolve outside the project, so a copy that builds examples/next-app needs it. Nothing
 * run in a copy may edit a file of node_modules in place: a hard link would carry the edit back.
 */
export function scratchCopy(label: string, { ownModules = false } = {}): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `hogkit-${label}-`));
  for (const file of sourceFiles()) {
    if (existsSync(join(root, file))) cpSync(join(root, file), join(dir, file), { dereference: false });
  }
  if (!ownModules) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  else if (spawnSync("cp", ["-al", join(root, "node_modules"), dir]).status !== 0) {
    rmSync(join(dir, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", join(root, "node_modules"), dir]);
  }
  for (const group of ["packages", "examples", "tests"]) {
    for (const name of readdirSync(join(root, group))) {
      const modules = join(root, group, name, "node_modules");
      if (existsSync(modules))
        cpSync(modules, join(dir, group, name, "node_modules"), { recursive: true, verbatimSymlinks: true });
    }
  }
  const node = (args: string[], cwd = dir) =>
    execFileSync(process.execPath, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return {
    dir,
    node,
    build() {
      for (const pkg of PACKAGES)
        node([join(root, "node_modules/tsup/dist/cli-default.js")], join(dir, "packages", pkg));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The working tree's files: tracked ones and new ones not ignored yet (a file moved but not committed
 * yet is there too); in a copy that is no git checkout (a scratch copy itself), every file but build output.
 */
function sourceFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .split("\n")
      .filter(Boolean);
  } catch {
    const skip = new Set(["node_modules", "dist", ".turbo", ".next", ".git", "test-results"]);
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (skip.has(entry.name) || entry.isSymbolicLink()) return [];
        return entry.isDirectory() ? walk(path) : [path];
      });
    return walk("");
  }
}

/** Every file under the four packages' src/generated, path → contents. */
export function generatedFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const pkg of PACKAGES) {
    const generated = join(dir, "packages", pkg, "src/generated");
    for (const name of readdirSync(generated)) files.set(`${pkg}/${name}`, readFileSync(join(generated, name), "utf8"));
  }
  return files;
}
