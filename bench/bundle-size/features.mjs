// What each feature of the runtime costs: the functions app bundled from a copy of the client's
// sources with that feature cut out (one patch set at a time), against the same app from the
// sources as they are. A patch that no longer applies fails loudly: update it with the code.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appSize, apps } from "./bundle.mjs";

/** Feature → the edits that remove it: [file under src/, text, replacement] or [file, source => source]. */
const FEATURES = {
  "Deprecation/Sunset reporting (issue 12)": [
    ["transport.ts", 'if (received.has("deprecation")) reportDeprecation(config, operation, url, received);', ""],
  ],
  "apiKey checks: Bearer prefix, whitespace, phc_ token (issue 15)": [
    ["option-checks.ts", "const problem = /^bearer", "const problem = false && /^bearer"],
  ],
  "no key on a server: fail before sending (issue 15)": [
    ["transport.ts", "if (config.keyless && !headers.authorization && !headers.cookie) {", "if (false) {"],
  ],
  "401 region hint (issue 15)": [
    [
      "errors/from-response.ts",
      'if (status === 401 && config.apiKey && cloud && code !== "not_authenticated") {',
      "if (false) {",
    ],
  ],
  "PostHog's own 500: failed on that input (issue 13)": [
    ["errors/from-response.ts", 'if (status === 500 && fields.type === "server_error") {', "if (false) {"],
  ],
  "429 attempts and wait in RateLimitError (issue 15)": [
    ["errors/from-response.ts", "if (status === 429) {", "if (false) {"],
  ],
  "403 messages: which refusal and what to do (issues 15, 17)": [
    ["errors/from-response.ts", "if (status === 403) {", "if (false) {"],
  ],
  "browser refusal of an apiKey": [
    ["config.ts", "if (isBrowser() && !options.dangerouslyAllowBrowser) {", "if (false) {"],
  ],
  "redaction (keys, tokens, cookies in message, url, body, cause)": [
    ["redact.ts", "  let out = text;", "  return text;\n  let out = text;"],
    ["redact.ts", "  return value === undefined", "  return value;\n  return value === undefined"],
    [
      "errors/posthog-api-error.ts",
      "  if (!(cause instanceof Error))",
      "  return cause;\n  if (!(cause instanceof Error))",
    ],
  ],
  "path parameter validation and encoding": [
    [
      "validate.ts",
      "  const kind = typeof value;",
      "  return encodeURIComponent(String(value));\n  const kind = typeof value;",
    ],
    ["validate.ts", '  if (value === "@current" ||', '  return value as string;\n  if (value === "@current" ||'],
  ],
  "host checks: http(s) only, no credentials, clear-text key, ingestion host": [
    ["config.ts", "if (!path && !url) {", "if (false) {"],
    ["config.ts", "if (url && apiKey) checkClearText(", "if (false) checkClearText("],
    ["environment.ts", "  if (!/^https?:", "  if (false && !/^https?:"],
    ["environment.ts", "  url.hostname = url.hostname.replace(", "  if (false) url.hostname = url.hostname.replace("],
  ],
  "same-origin path host, resolved per request": [
    ["config.ts", "  if (config.origin) return config.base;", "  return config.base;"],
  ],
  "POSTHOG_* environment (Node, Bun, Deno permissions)": [
    [
      "environment.ts",
      "  const { Deno: deno, process } = globalThis",
      "  return undefined;\n  const { Deno: deno, process } = globalThis",
    ],
  ],
  "hooks: onRequest, onResponse, onRetry": [
    ["transport.ts", "hooks.onRequest?.({ operation: name, method, url, attempt });", ""],
    [
      "transport.ts",
      "hooks.onResponse?.({ operation: name, method, url, attempt, status, durationMs: performance.now() - started });",
      "",
    ],
    ["transport.ts", "hooks.onRetry?.({ operation: name, method, url, attempt, error, delayMs });", ""],
  ],
  "retries: backoff with jitter, Retry-After, abortable wait": [
    [
      "transport.ts",
      "if (attempt > maxRetries || signal?.aborted || !isRetryable(error, method)) throw error;",
      "throw error;",
    ],
  ],
  "timeouts: one controller and timer per attempt, TimeoutError": [
    [
      "transport.ts",
      "const timer = limited ? setTimeout(() => controller?.abort(), timeoutMs) : undefined;",
      "const timer = 0;",
    ],
    ["transport.ts", "error = controller?.signal.aborted\n        ? fail(", "error = false\n        ? fail("],
  ],
  "redirects: followed by the client, on its own origin only (issue 22)": [
    [
      "transport.ts",
      "for (let hops = 0, hop = nextHop(response, url, init); hop; hop = nextHop(response, url, init)) {",
      "if (false) { let hops = 0; const hop = undefined;",
    ],
    [
      "transport.ts",
      'const init: RequestInit = { headers, redirect: "manual" };',
      "const init: RequestInit = { headers };",
    ],
  ],
  "maxResponseBytes: answers read within a limit (issue 22)": [
    ["transport.ts", "text = await readText(response, maxBytes);", "text = await response.text();"],
    ["transport.ts", "if (text === undefined) {", "if (false) {"],
  ],
  "no re-send of what may have run: connect-phase failures told apart (issue 22)": [
    [
      "transport.ts",
      "const mayHaveBeenApplied = !!response || !neverSent(cause);",
      "const mayHaveBeenApplied = !!response;",
    ],
  ],
  "typed error classes (one per status and failure, names kept)": [
    "authentication-error",
    "bad-request-error",
    "conflict-error",
    "connection-error",
    "internal-server-error",
    "invalid-response-error",
    "not-found-error",
    "permission-denied-error",
    "rate-limit-error",
    "timeout-error",
  ].map((file) => [
    `errors/${file}.ts`,
    // Every subclass becomes the base class itself.
    (source) =>
      source
        .replace(/export class (\w+) extends \w+ \{[\s\S]*?\n?\}\n/, "export const $1 = PostHogApiError;\n")
        .replace(/^defineName\(.*$/m, "")
        .replace(
          /^import \{ ConnectionError \} from .*$/m,
          'import { PostHogApiError } from "./posthog-api-error.js";',
        ),
  ]),
};

/** What issue 16's budget keeps: auth (the key checks), retries, timeouts, typed errors and redaction. */
const BUDGET_KEEPS = [
  "apiKey checks: Bearer prefix, whitespace, phc_ token (issue 15)",
  "retries: backoff with jitter, Retry-After, abortable wait",
  "timeouts: one controller and timer per attempt, TimeoutError",
  "typed error classes (one per status and failure, names kept)",
  "redaction (keys, tokens, cookies in message, url, body, cause)",
];

/**
 * Features added back, one step at a time, on top of the budget's five: the lean transport
 * (which adds hooks), then the two checks that keep a request where it belongs, then the rest.
 */
const LADDER = [
  [
    "+ hooks (issue 16's lean transport: auth, host, retries, timeouts, typed redacted errors, hooks)",
    ["hooks: onRequest, onResponse, onRetry"],
  ],
  ["+ path parameter validation (no value leaves its path segment)", ["path parameter validation and encoding"]],
  [
    "+ host checks (no key sent in clear text, no credentials in the host)",
    ["host checks: http(s) only, no credentials, clear-text key, ingestion host"],
  ],
];

/**
 * `{ costs, skeleton, ladder }`: what each feature saves when cut out alone; the functions app with
 * every one of them cut out at once — the floor of this design (fetch, URL, JSON, one error class);
 * and both apps (functions and client) with all cut but the five the budget keeps, then with
 * LADDER's features added back.
 */
export async function featureCosts(clientDir, names) {
  const scratch = mkdtempSync(join(tmpdir(), "hogkit-features-"));
  try {
    const src = join(scratch, "src");
    const fresh = () => {
      rmSync(src, { recursive: true, force: true });
      cpSync(join(clientDir, "src"), src, { recursive: true });
    };
    const cut = (feature) => {
      for (const [file, text, replacement] of FEATURES[feature]) {
        const path = join(src, file);
        const source = readFileSync(path, "utf8");
        const edited = typeof text === "function" ? text(source) : source.replace(text, replacement);
        if (edited === source) throw new Error(`features.mjs: "${feature}" no longer applies to src/${file}`);
        writeFileSync(path, edited);
      }
    };
    const all = Object.keys(FEATURES);
    // Both apps from one copy with `cutOut` cut. Settled: a cut feature's helpers go with it, as they
    // would had the code been written without it.
    const without = async (cutOut) => {
      fresh();
      for (const feature of cutOut) cut(feature);
      const size = async (app) => (await appSize(app, clientDir, { settled: true })).gz;
      const { core, client } = apps(src, names, "ts");
      return { core: await size(core), client: await size(client) };
    };
    const keeping = async (label, kept) => ({ label, ...(await without(all.filter((f) => !kept.includes(f)))) });
    const full = (await without([])).core;
    const costs = [];
    for (const feature of all) costs.push({ feature, saved: full - (await without([feature])).core });
    let kept = [...BUDGET_KEEPS];
    const ladder = [await keeping("auth, retries, timeouts, typed errors and redaction (the budget's five)", kept)];
    for (const [label, features] of LADDER) {
      kept = [...kept, ...features];
      ladder.push(await keeping(label, kept));
    }
    ladder.push(await keeping("+ the rest (the package as it is)", all));
    return { costs: costs.sort((a, b) => b.saved - a.saved), skeleton: (await without(all)).core, ladder };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
