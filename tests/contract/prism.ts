/**
 * Stoplight Prism (a validator nobody here wrote) as a proxy in front of the fake: every request and
 * every answer of the fake is checked against the spec as `pnpm generate` sees it (the published
 * document with the overlay applied), and each violation comes back in the `sl-violations` header.
 * prism-cli is pinned to 5.14.2 (with its core packages, see pnpm-workspace.yaml): later releases
 * need Node 24, and this suite runs on Node 20.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadSpec } from "../../scripts/lib/spec-model/index.ts";

export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

export interface PrismProxy {
  url: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export async function startPrism(upstream: string): Promise<PrismProxy> {
  const dir = mkdtempSync(join(tmpdir(), "hogkit-prism-"));
  const specFile = join(dir, "projects.effective.json");
  writeFileSync(
    specFile,
    JSON.stringify(loadSpec(resolve(import.meta.dirname, "../../spec/projects.openapi.yaml")).effective),
  );
  const cli = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "proxy", specFile, upstream, "--host", "127.0.0.1", "--port", String(port)],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1" } },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`Prism did not start in 60 s:\n${output}`)), 60_000);
    child.once("exit", (code) => failed(new Error(`Prism exited with ${code}:\n${output}`)));
    child.stdout?.on("data", () => {
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        ready();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The violations Prism reported for one exchange. */
export function violationsOf(response: Response): Violation[] {
  const header = response.headers.get("sl-violations");
  return header ? (JSON.parse(header) as Violation[]) : [];
}
