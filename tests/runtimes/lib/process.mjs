/** Child processes for the matrix: run one, capture its output, report how long it took. */
import { spawn } from "node:child_process";

/**
 * Runs `command args` and resolves to `{ code, output, ms }` (stdout and stderr interleaved). With
 * `check` (the default) a non-zero exit rejects with the output, for set-up steps that must work.
 */
export function run(command, args, { cwd, env, check = true, label = command, timeoutMs = 300_000 } = {}) {
  const started = Date.now();
  // A consumer resolves what its own node_modules holds, as on a user's machine: pnpm's bin shims
  // export a NODE_PATH into the repository's store, through which require() would find msw.
  const { NODE_PATH: _repositoryStore, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...inherited, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${label}: cannot start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? (signal ? 128 : 1), output, ms: Date.now() - started };
      if (check && result.code !== 0)
        reject(new Error(`${label}: ${command} ${args.join(" ")} exited ${code ?? signal}\n${output}`));
      else resolve(result);
    });
  });
}

/** Runs `tasks` (functions returning promises) with at most `limit` at a time, in order of start. */
export async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
