/**
 * What the built `hogkit-mock` prints is what the READMEs say it prints: this package's README shows
 * the whole banner (ids and secrets elided as `…`), and the root README's quick start tells the user
 * which shell runs the `export` line, the same one the CLI names.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";

const here = resolve(import.meta.dirname, "..");
const cli = resolve(here, "dist/cli.js");
/** The port both READMEs show (`npx hogkit-mock --port 8010`); the CLI runs on a free one. */
const README_PORT = "8010";

/** The banner of `hogkit-mock --port 0 --seed 42`, through its last line (`  try: curl …`), port and all. */
async function banner(): Promise<{ lines: string[]; port: string }> {
  const child = spawn(process.execPath, [cli, "--port", "0", "--seed", "42"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk) => (output += chunk));
  try {
    return await new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`hogkit-mock printed no banner:\n${output}`)), 10_000);
      child.once("exit", (code) => reject(new Error(`hogkit-mock exited with ${code}:\n${output}`)));
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const lines = output.split("\n");
        const last = lines.findIndex((line) => line.startsWith("  try: "));
        const port = output.match(/ on http:\/\/127\.0\.0\.1:(\d+)\n/)?.[1];
        if (last < 0 || !port) return;
        clearTimeout(timer);
        resolvePromise({ lines: lines.slice(0, last + 1), port });
      });
    });
  } finally {
    child.kill("SIGTERM");
  }
}

/** The lines of the package README's ```text title="hogkit-mock output"``` block, list indentation removed. */
function readmeBanner(): string[] {
  const readme = readFileSync(resolve(here, "README.md"), "utf8");
  const match = readme.match(/^( *)```text title="hogkit-mock output"\n([\s\S]*?)\n\1```$/m);
  if (!match) throw new Error('README.md has no ```text title="hogkit-mock output" block');
  const indent = match[1] ?? "";
  return (match[2] ?? "").split("\n").map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
}

/** A README line as a pattern: literal text, where `…` stands for one id, key or cookie value. */
function pattern(line: string): RegExp {
  const parts = line.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join('[^\\s"]+')}$`);
}

it("the package README shows hogkit-mock's banner line for line", async () => {
  const { lines, port } = await banner();
  const printed = lines.map((line) => line.replaceAll(`127.0.0.1:${port}`, `127.0.0.1:${README_PORT}`));
  const documented = readmeBanner();
  expect(printed).toHaveLength(documented.length);
  for (const [i, line] of printed.entries()) expect(line).toMatch(pattern(documented[i] ?? ""));
});

it("the root README runs the export line in the shell the CLI names", async () => {
  const { lines } = await banner();
  const hint = lines[lines.findIndex((line) => line.startsWith("export POSTHOG_HOST=")) - 1] ?? "";
  const shell = hint.match(/in (this|another) shell/)?.[0];
  expect(shell, `the line before the export line names a shell: ${hint}`).toBeDefined();
  const readme = readFileSync(resolve(here, "../../README.md"), "utf8");
  const paragraph = readme
    .split(/\n\s*\n/)
    .find((p) => p.includes("`export POSTHOG_HOST=… POSTHOG_PERSONAL_API_KEY=…`"));
  expect(paragraph, "the root README's quick start mentions the export line").toBeDefined();
  expect(paragraph?.replace(/\s+/g, " ")).toContain(shell);
  const other = shell === "in this shell" ? "in another shell" : "in this shell";
  expect(paragraph?.replace(/\s+/g, " ")).not.toContain(other);
});
