/**
 * The root README's quick start, as a new user follows it, from the packed packages: the install
 * line names these two packages; `hogkit-mock` (its command from the README, on a free port) prints
 * the `export` line; the README's `first-call.mjs`, written out as it stands, lists the fake's demo
 * projects with those variables set. The README is copied beside this file by the matrix.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";

function block(readme: string, fence: string): string {
  const start = readme.indexOf("## Quick start");
  const match = readme.slice(start).match(new RegExp(`\`\`\`${fence}\\n([\\s\\S]*?)\`\`\``));
  if (start < 0 || !match?.[1]) throw new Error(`README.md has no \`\`\`${fence} block under ## Quick start`);
  return match[1];
}

test("README quick start", async () => {
  const readme = readFileSync("README.md", "utf8");
  const shell = block(readme, "sh").trim().split("\n");
  assert.match(shell[0] ?? "", /^npm install @hogkit\/client @hogkit\/testing$/);
  const mock = (shell[1] ?? "").match(/^npx (hogkit-mock)(.*)$/);
  assert.ok(mock, "the second command starts hogkit-mock");
  writeFileSync("first-call.mjs", block(readme, 'js title="first-call.mjs"'));

  const args = (mock[2] ?? "")
    .trim()
    .replace(/--port \d+/, "--port 0")
    .split(/\s+/)
    .filter(Boolean);
  const server = spawn(process.execPath, ["node_modules/@hogkit/testing/dist/cli.js", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    let printed = "";
    const exportLine = await new Promise<string>((resolve, reject) => {
      server.stdout.on("data", (chunk: Buffer) => {
        printed += chunk.toString();
        const line = printed.split("\n").find((l) => l.startsWith("export POSTHOG_HOST="));
        if (line) resolve(line);
      });
      server.on("exit", (code) => reject(new Error(`hogkit-mock exited ${code}: ${printed}`)));
    });
    const env: Record<string, string> = { ...process.env } as Record<string, string>;
    for (const [, name, value] of exportLine.matchAll(/(POSTHOG_[A-Z_]+)=(\S+)/g))
      env[name as string] = value as string;
    assert.ok(env.POSTHOG_HOST && env.POSTHOG_PERSONAL_API_KEY, "the export line sets both variables");
    const run = spawnSync(process.execPath, ["first-call.mjs"], { env, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const demo = printed.match(/projects: (.+)/)?.[1]?.split(", ") ?? [];
    assert.ok(demo.length > 0, "hogkit-mock names its demo projects");
    assert.deepEqual(
      run.stdout
        .trim()
        .split("\n")
        .map((line) => line.replace(/^\d+ /, "")),
      demo,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /phx_/);
  } finally {
    server.kill("SIGTERM");
  }
});
