/** The built `hogkit-mock` CLI: starts, prints URL + key + session cookie, serves, stops cleanly on SIGTERM/SIGINT. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const cli = resolve(import.meta.dirname, "../dist/cli.js");
const scratch = mkdtempSync(join(tmpdir(), "hogkit-mock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function start(
  args: string[],
): Promise<{ child: ChildProcess; output: () => string; url: string; key: string; cookie: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 10_000);
    const early = (code: number | null) => reject(new Error(`CLI exited with ${code}:\n${output}`));
    child.once("exit", early);
    child.stdout?.on("data", function ready() {
      const url = output.match(/on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      const key = output.match(/every scope: (phx_\w+)/)?.[1];
      const cookie = output.match(/Cookie: (sessionid=\w+)/)?.[1];
      // The export line is the banner's last: everything before it has arrived too.
      if (url && key && cookie && output.includes("\nexport POSTHOG_HOST=")) {
        clearTimeout(timer);
        child.off("exit", early);
        child.stdout?.off("data", ready);
        resolvePromise({ child, output: () => output, url, key, cookie });
      }
    });
  });
}

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise<number>((resolvePort) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });

const exitCode = (child: ChildProcess) => new Promise<number | null>((r) => child.on("exit", (code) => r(code)));

describe("hogkit-mock", () => {
  it("the build has a shebang", () => {
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("every bin is a committed file, so a workspace install links it before any build, and it runs the CLI", async () => {
    const root = resolve(import.meta.dirname, "..");
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const bins = Object.entries(manifest.bin as Record<string, string>);
    expect(bins.map(([name]) => name)).toEqual(["hogkit-mock"]);
    for (const [name, target] of bins) {
      const file = resolve(root, target);
      expect(file.startsWith(resolve(root, "dist")), `${name} -> ${target} is built, absent at install time`).toBe(
        false,
      );
      expect(readFileSync(file, "utf8").startsWith("#!/usr/bin/env node\n"), target).toBe(true);
      expect(manifest.files, `${target} is published`).toContain(target.replace(/^\.\//, "").split("/")[0]);
      const child = spawn(process.execPath, [file, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      child.stdout?.on("data", (chunk) => (stdout += chunk));
      expect(await exitCode(child)).toBe(0);
      expect(stdout).toMatch(/^usage: hogkit-mock /);
    }
  });

  it("prints its URL, a key with every scope, a session cookie and an export line; serves demo projects; exits 0 on SIGTERM", async () => {
    const { child, url, key, cookie, output } = await start(["--port", "0", "--seed", "42"]);
    expect(output()).toContain(`\nexport POSTHOG_HOST=${url} POSTHOG_PERSONAL_API_KEY=${key}\n`);
    const list = await fetch(`${url}/api/organizations/@current/projects/`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(list.status).toBe(200);
    const demo = await list.json();
    expect(demo.results.map((p: { name: string }) => p.name)).toEqual(["Web app", "Mobile app", "Marketing site"]);
    const created = await fetch(`${url}/api/organizations/@current/projects/`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "From the CLI" }),
    });
    expect(created.status).toBe(201);
    const rotated = await fetch(`${url}/api/organizations/@current/projects/1/rotate_secret_token/`, {
      method: "PATCH",
      headers: { cookie },
    });
    expect(rotated.status).toBe(200);
    const exited = exitCode(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("--data seeds projects; the same seed prints the same key; SIGINT also exits 0", async () => {
    const data = join(scratch, "data.json");
    writeFileSync(data, JSON.stringify({ projects: [{ name: "Seeded" }] }));
    const first = await start(["--port", "0", "--seed", "7", "--data", data]);
    const res = await fetch(`${first.url}/api/organizations/@current/projects/`, {
      headers: { authorization: `Bearer ${first.key}` },
    });
    expect((await res.json()).results[0].name).toBe("Seeded");
    const exited = exitCode(first.child);
    first.child.kill("SIGINT");
    expect(await exited).toBe(0);
    const second = await start(["--port", "0", "--seed", "7", "--data", data]);
    expect(second.key).toBe(first.key);
    const done = exitCode(second.child);
    second.child.kill("SIGTERM");
    expect(await done).toBe(0);
  });

  it("--empty starts with no projects", async () => {
    const { child, url, key } = await start(["--port", "0", "--empty"]);
    const list = await fetch(`${url}/api/organizations/@current/projects/`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect((await list.json()).count).toBe(0);
    const exited = exitCode(child);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("output piped to a reader that left (`hogkit-mock | head -2`): it keeps serving and exits 0, no EPIPE crash", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [cli, "--port", String(port), "--empty", "--seed", "7"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.destroy(); // the reader is gone before the banner: its first line meets EPIPE
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    const exited = exitCode(child);
    const url = `http://127.0.0.1:${port}/api/organizations/@current/projects/`;
    let status = 0;
    for (let attempt = 0; attempt < 100 && status === 0 && child.exitCode === null; attempt++) {
      status = await fetch(url).then(
        (answer) => answer.status,
        () => new Promise<number>((resolveSoon) => setTimeout(() => resolveSoon(0), 100)),
      );
    }
    expect(stderr).not.toMatch(/EPIPE/);
    expect(status, "it serves").toBe(401); // no key sent: PostHog's 401, from a live server
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("--data is checked like a request: a bad value exits 2 naming the project and field, and nothing serves", async () => {
    const data = join(scratch, "mars.json");
    writeFileSync(data, JSON.stringify({ projects: [{ name: "Rover", timezone: "Mars/Olympus" }] }));
    const child = spawn(process.execPath, [cli, "--port", "0", "--data", data], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    expect(await exitCode(child)).toBe(2);
    expect(stderr.trim()).toBe(
      `hogkit-mock: --data ${data}: projects[0].timezone: "Mars/Olympus" is not a valid choice.`,
    );
    const typo = join(scratch, "typo.json");
    writeFileSync(typo, JSON.stringify({ project: [] }));
    const second = spawn(process.execPath, [cli, "--port", "0", "--data", typo], { stdio: ["ignore", "pipe", "pipe"] });
    let message = "";
    second.stderr?.on("data", (chunk) => (message += chunk));
    expect(await exitCode(second)).toBe(2);
    expect(message).toContain("unknown key(s) project");
  });

  it("a busy port exits 2 suggesting --port", async () => {
    const running = await start(["--port", "0"]);
    try {
      const port = new URL(running.url).port;
      const second = spawn(process.execPath, [cli, "--port", port], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      second.stderr?.on("data", (chunk) => (stderr += chunk));
      expect(await exitCode(second)).toBe(2);
      expect(stderr).toContain(
        `port ${port} on 127.0.0.1 is in use (another hogkit-mock?): pass --port <another port>`,
      );
    } finally {
      running.child.kill("SIGTERM");
      await exitCode(running.child);
    }
  });

  it("bad arguments exit 2 with a message", async () => {
    const child = spawn(process.execPath, [cli, "--port", "nope"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain("--port must be 0-65535");
  });
});
