#!/usr/bin/env node
/**
 * `pnpm release:rehearsal [--keep]`: the whole release path on this machine, against a throwaway
 * registry, without touching this checkout.
 *
 *  1. clone the committed HEAD into a temporary folder (its own .git: tags stay there) and install;
 *  2. `changeset version` there: one fixed version line for every @hogkit package;
 *  3. start Verdaccio on 127.0.0.1 (./registry.mjs) and run `pnpm release` (build + changeset
 *     publish) against it;
 *  4. check what the registry holds: every package at the new version, internal dependencies on
 *     exactly that version (never `workspace:*`), `latest` pointing at it, a git tag per package;
 *  5. install the packages from the registry into a fresh consumer project (the runtime matrix's
 *     Node ESM consumer) and run the contract scenarios there with node:test.
 *
 * Prints a log of versions published, installed and run, and exits 1 if any check fails.
 * Not part of CI: installing Verdaccio and building a fresh clone take a few minutes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { writeConsumer } from "../../tests/runtimes/lib/consumers.mjs";
import { parseJunit } from "../../tests/runtimes/lib/junit.mjs";
import { run } from "../../tests/runtimes/lib/process.mjs";
import { repoRoot } from "../pack-packages.mjs";
import { registryUserConfig, startRegistry } from "./registry.mjs";

const keep = process.argv.includes("--keep");
const started = Date.now();
const log = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}`);
const problems = [];
const check = (ok, text) => {
  log(`${ok ? "ok  " : "FAIL"} ${text}`);
  if (!ok) problems.push(text);
};
const git = async (cwd, ...args) => (await promisify(execFile)("git", args, { cwd })).stdout.trim();

function manifests(repo) {
  const root = join(repo, "packages");
  return readdirSync(root)
    .map((dir) => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")))
    .filter((manifest) => !manifest.private);
}

const work = mkdtempSync(join(tmpdir(), "hogkit-release-"));
// The checkout must come out untouched: same versions, changesets and tags.
const checkoutState = async () =>
  `${await git(repoRoot, "tag", "--list")}\n${await git(repoRoot, "status", "--porcelain", "--", "packages/*/package.json", ".changeset")}`;
const stateBefore = await checkoutState();
const repo = join(work, "repo");
let registry;
try {
  // 1. A scratch clone of what is committed.
  await run("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, repo], { label: "git clone" });
  log(
    `cloned ${await git(repo, "rev-parse", "--short", "HEAD")} (${await git(repo, "log", "-1", "--format=%s")}) into ${repo}`,
  );
  const uplink = (await run("npm", ["config", "get", "registry"])).output.trim().split("\n").at(-1);
  const [, reg] = await Promise.all([
    run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: repo, label: "pnpm install" }),
    startRegistry(work, uplink),
  ]);
  registry = reg;
  log(`installed the clone; Verdaccio on ${registry.url} (storage ${join(work, "storage")}, uplink ${uplink})`);

  // 2. changeset version.
  const before = manifests(repo);
  const pending = readdirSync(join(repo, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md");
  log(`versions before: ${before.map((m) => `${m.name}@${m.version}`).join(", ")}; ${pending.length} changesets`);
  await run("pnpm", ["changeset", "version"], { cwd: repo, label: "changeset version" });
  const after = manifests(repo);
  const version = after[0]?.version;
  log(`changeset version: ${after.map((m) => `${m.name}@${m.version}`).join(", ")}`);
  check(new Set(after.map((m) => m.version)).size === 1, `one fixed version line (${version})`);
  check(
    after.every((m) => m.version !== before.find((b) => b.name === m.name)?.version),
    "every package was bumped",
  );
  check(
    readdirSync(join(repo, ".changeset")).every((file) => !file.endsWith(".md") || file === "README.md"),
    "the changesets were consumed",
  );

  // 3. pnpm release (build + changeset publish) against the registry.
  const npmrc = await registryUserConfig(registry.url, join(work, "npmrc"));
  const registryEnv = { NPM_CONFIG_USERCONFIG: npmrc, npm_config_registry: registry.url };
  const release = await run("pnpm", ["release"], {
    cwd: repo,
    env: registryEnv,
    label: "pnpm release",
    timeoutMs: 900_000,
  });
  for (const line of release.output.split("\n").filter((text) => text.includes("🦋"))) log(`  ${line.trim()}`);

  // 4. What the registry serves.
  const names = after.map((m) => m.name);
  for (const name of names) {
    const response = await fetch(new URL(name.replace("/", "%2f"), registry.url));
    const packument = response.ok ? await response.json() : {};
    const entry = packument.versions?.[version];
    check(
      Boolean(entry),
      `registry has ${name}@${version} (versions: ${Object.keys(packument.versions ?? {}).join(", ")})`,
    );
    check(packument["dist-tags"]?.latest === version, `${name} latest → ${packument["dist-tags"]?.latest}`);
    const internal = Object.entries({ ...entry?.dependencies, ...entry?.peerDependencies }).filter(([dep]) =>
      dep.startsWith("@hogkit/"),
    );
    for (const [dep, range] of internal) check(range === version, `${name}@${version} depends on ${dep}@${range}`);
    if (entry?.dist?.tarball) {
      const tarball = join(work, `${name.replace("/", "-")}.tgz`);
      writeFileSync(tarball, Buffer.from(await (await fetch(entry.dist.tarball)).arrayBuffer()));
      const files = (await run("tar", ["-tzf", tarball])).output.split("\n").filter(Boolean);
      const unexpected = files.filter(
        (file) => !/^package\/(dist\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE)/.test(file),
      );
      check(
        files.includes("package/CHANGELOG.md") && unexpected.length === 0,
        `${name} tarball: ${files.length} files, CHANGELOG.md included, nothing outside dist/README/CHANGELOG${unexpected.length ? ` (unexpected: ${unexpected.join(", ")})` : ""}`,
      );
    }
  }
  const tags = (await git(repo, "tag", "--list", "@hogkit/*")).split("\n").filter(Boolean);
  check(
    names.every((name) => tags.includes(`${name}@${version}`)),
    `git tags in the clone: ${tags.join(", ")}`,
  );

  // 5. A fresh consumer installs from the registry and runs the contract.
  const consumer = await writeConsumer(work, "node-esm", () => version);
  await run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], {
    cwd: consumer,
    env: registryEnv,
    label: "consumer npm install",
  });
  const tree = JSON.parse((await run("npm", ["ls", "--all", "--json"], { cwd: consumer, env: registryEnv })).output);
  const installed = [];
  const walk = (deps = {}, path = "") => {
    for (const [name, node] of Object.entries(deps)) {
      if (name.startsWith("@hogkit/")) installed.push(`${path}${name}@${node.version}`);
      walk(node.dependencies, `${path}${name} > `);
    }
  };
  walk(tree.dependencies);
  log(`installed from the registry: ${installed.join(", ")}`);
  check(
    installed.length > 0 && installed.every((entry) => entry.endsWith(`@${version}`)),
    `every installed @hogkit package is ${version}`,
  );
  const junit = join(work, "consumer.xml");
  const tests = await run(
    process.execPath,
    ["--test", "--test-reporter=junit", `--test-reporter-destination=${junit}`, "contract.test.mjs"],
    { cwd: consumer, check: false, label: "consumer contract" },
  );
  const cases = parseJunit(readFileSync(junit, "utf8"));
  log(`ran the contract on Node ${process.version} in the consumer:`);
  for (const [name, result] of cases)
    log(`  ${result.passed ? "pass" : "FAIL"} ${name}${result.passed ? "" : `: ${result.message}`}`);
  check(
    tests.code === 0 && cases.size > 0 && [...cases.values()].every((c) => c.passed),
    `${cases.size} scenarios passed`,
  );
  check((await checkoutState()) === stateBefore, "this checkout is untouched (tags, package versions, changesets)");
} catch (error) {
  problems.push(error.message);
  console.error(error.message);
} finally {
  await registry?.stop();
  if (keep || problems.length) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
log(problems.length ? `rehearsal FAILED: ${problems.length} problem(s)` : "rehearsal passed");
process.exitCode = problems.length ? 1 : 0;
