// Minified + gzipped size of one app, bundled with esbuild the way a browser app is.
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const root = join(import.meta.dirname, "../..");
const esbuild = createRequire(join(root, "package.json"))("esbuild");

/**
 * `{ min, gz }` bytes of `contents` (an ES module) bundled from `resolveDir`. With `settled`, the
 * minified output is bundled again until it stops shrinking: code that became unreachable in one
 * pass (after a `return` or `throw` a feature cut inserted) keeps its helpers alive in that pass,
 * and only the next one drops them.
 */
export async function appSize(contents, resolveDir, { settled = false } = {}) {
  let code = await build(contents, resolveDir);
  while (settled) {
    const again = await build(code, resolveDir);
    if (again.length >= code.length) break;
    code = again;
  }
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
}

async function build(contents, resolveDir) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/**
 * The names the generated code gives the list and retrieve operations of the Projects API (by
 * method and path, so that a renamed operation is still found): the standalone functions and the
 * client's `resource.method`.
 */
export function projectsNames(funcsSource) {
  const ops = new Map();
  for (const [, constant, json] of funcsSource.matchAll(/^const (op_\w+): Operation = (\{.*\});$/gm)) {
    ops.set(constant, JSON.parse(json));
  }
  const functions = new Map();
  for (const [, name, constant] of funcsSource.matchAll(
    /^export function (\w+)\(.*\n {2}return request\(core, (op_\w+)/gm,
  )) {
    functions.set(constant, name);
  }
  const find = (path) => {
    const constant = [...ops].find(([, op]) => op.method === "GET" && op.path === path)?.[0];
    if (!constant) throw new Error(`no GET ${path} in the generated functions`);
    const [resource, method] = ops.get(constant).name.split(".");
    return { func: functions.get(constant), resource, method };
  };
  return {
    list: find("/api/organizations/{organization_id}/projects/"),
    retrieve: find("/api/organizations/{organization_id}/projects/{id:integer}/"),
  };
}

/** The two apps of the budgets, importing from `dir` (`src/` or `dist/` of the client), by the names in `names`. */
export function apps(dir, names, ext) {
  const { list, retrieve } = names;
  return {
    core: `
      import { createCore } from ${JSON.stringify(join(dir, `core.${ext}`))};
      import { ${list.func}, ${retrieve.func} } from ${JSON.stringify(join(dir, `funcs.${ext}`))};
      const core = createCore({ apiKey: "phx_x" });
      export const page = await ${list.func}(core, { limit: 10 });
      export const project = await ${retrieve.func}(core, 1);`,
    client: `
      import { createClient } from ${JSON.stringify(join(dir, `index.${ext}`))};
      const posthog = createClient({ apiKey: "phx_x" });
      export const page = await posthog.${list.resource}.${list.method}({ limit: 10 });
      export const project = await posthog.${retrieve.resource}.${retrieve.method}(1);`,
  };
}
