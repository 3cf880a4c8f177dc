/**
 * pnpm spec:sync [--from FILE|URL] [--only TAG,…] [--dry-run] [--config FILE]
 *
 * Updates spec/projects.openapi.yaml from PostHog's published OpenAPI document (default: the
 * `source` in spec/sync.config.yaml), keeping our operationIds, descriptions and parameter
 * components; see sync.ts beside this file for exactly what is kept and taken. `--only` syncs just
 * the named resources of the config (a resource just added to it, say) and leaves the others as
 * they are. The overlay is never modified, and must still apply to the result. Each new operation
 * is listed with who may call it in the spec the packages are generated from (the overlay applied):
 * session-only, when PostHog refuses personal API keys for it.
 *
 * It never leaves a half-updated spec: an unreadable or unparsable source, an upstream that lost a
 * covered operation, or an overlay action that no longer applies stops it (exit 1) before anything
 * is written, and the new spec replaces the old one with one rename.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { OpenAPIDocument } from "../lib/openapi.ts";
import {
  listOperations,
  type OperationAccess,
  operationAccess,
  readDocument,
  SpecError,
} from "../lib/spec-model/index.ts";
import { leadingComment, parseSpecText, stringifySpec } from "../lib/spec-yaml.ts";
import { diffSpecs } from "../spec-diff/diff.ts";
import { formatReport } from "../spec-diff/report.ts";
import { readSyncConfig } from "./config.ts";
import { releaseCommand } from "./next-steps.ts";
import { checkOverlay } from "./overlay-check.ts";
import { SpecSyncError, syncSpec } from "./sync.ts";

const root = resolve(import.meta.dirname, "../..");
/** Relative paths on the command line are relative to where the command runs (the repository, under pnpm). */
const userDir = process.cwd();

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      only: { type: "string" },
      config: { type: "string", default: join(root, "spec/sync.config.yaml") },
      "timeout-ms": { type: "string" },
    },
  });
  const configFile = resolve(userDir, values.config);
  const config = readSyncConfig(configFile);
  const specDir = dirname(configFile);
  const specFile = resolve(specDir, config.spec);
  const overlayFile = config.overlay ? resolve(specDir, config.overlay) : null;
  const source = values.from ?? config.source;
  const timeoutMs = values["timeout-ms"] ? Number(values["timeout-ms"]) : config.timeoutMs;

  const upstreamText = await readSource(source, timeoutMs);
  const upstream = parseSpecText(upstreamText, source);
  const oursText = readFileSync(specFile, "utf8");
  const ours = parseSpecText(oursText, specFile) as OpenAPIDocument;
  const only = values.only
    ?.split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  const result = syncSpec(upstream, ours, config, { only });
  // The header names the OpenAPI version PostHog publishes in; keep it true when that changes.
  const header = leadingComment(oursText).replace(/OpenAPI 3\.\d+(\.\d+)?/g, `OpenAPI ${result.document.openapi}`);
  const nextText = stringifySpec(result.document, header);
  const label = relativeLabel(specFile);

  if (nextText === oursText) {
    console.log(`spec:sync: ${label} is up to date with ${source}`);
    return 0;
  }

  // Check the overlay and the generator against the new spec before it replaces the old one.
  const scratch = mkdtempSync(join(tmpdir(), "hogkit-spec-sync-"));
  let effective: OpenAPIDocument;
  try {
    const candidate = join(scratch, basename(specFile));
    writeFileSync(candidate, nextText);
    const { problems, effective: checked } = checkOverlay(candidate, overlayFile);
    if (!checked) {
      throw new SpecSyncError(
        `the overlay no longer applies to the synced spec:\n${problems.map((p) => `  ${p}`).join("\n")}\n` +
          `Update ${overlayFile ? relativeLabel(overlayFile) : "the overlay"} for the new upstream (or drop corrections PostHog now publishes), then sync again.`,
      );
    }
    effective = checked;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const report = formatReport(diffSpecs(readDocument(specFile), parseSpecText(nextText, "the synced spec")));
  // Who may call a new operation is what users get: the spec with the overlay's corrections applied.
  const access = new Map(listOperations(effective).map((op) => [op.key, operationAccess(effective, op.operation)]));
  for (const { key, operationId } of result.added) {
    console.log(`new operation ${key} → operationId ${operationId}${ACCESS_NOTE[access.get(key) ?? "undeclared"]}`);
  }
  for (const name of result.keptShared) {
    console.log(
      `component ${name} is also used by a resource --only left out: kept as it was (sync both to take upstream's)`,
    );
  }
  for (const name of result.droppedParameters) {
    console.log(`component parameter ${name} is no longer used by any operation and was dropped`);
  }
  console.log(report);
  if (values["dry-run"]) {
    console.log(`spec:sync --dry-run: ${label} would change as above; nothing was written.`);
    return 0;
  }
  const temporary = join(dirname(specFile), `.${basename(specFile)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, nextText);
    renameSync(temporary, specFile);
  } finally {
    rmSync(temporary, { force: true });
  }
  console.log(`spec:sync: wrote ${label}.`);
  if (!label.startsWith("/")) {
    console.log("Next: pnpm generate, review `git diff`, and record the release with");
    console.log(`  ${releaseCommand({ spec: label, overlay: overlayFile ? relativeLabel(overlayFile) : null })}`);
  }
  return 0;
}

/** What a "new operation" line adds about who may call it (nothing for the usual personal API key). */
const ACCESS_NOTE: Record<OperationAccess, string> = {
  "personal-api-key": "",
  "session-only": " — session-only: PostHog refuses personal API keys for it (403), only a browser session may call it",
  undeclared: " — declares no security: neither PostHog nor the overlay says who may call it",
};

async function readSource(source: string, timeoutMs: number): Promise<string> {
  if (!source) throw new SpecSyncError("no source: pass --from FILE|URL or set `source` in the sync config");
  if (!/^https?:\/\//i.test(source)) {
    try {
      return readFileSync(resolve(userDir, source), "utf8");
    } catch (error) {
      throw new SpecSyncError(
        `cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  const url = new URL(source);
  const shown = `${url.origin}${url.pathname}`; // never echo credentials or query tokens
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: "application/vnd.oai.openapi+json, application/json;q=0.9, application/yaml;q=0.8, */*;q=0.1",
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const why =
      (error as Error).name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new SpecSyncError(`cannot fetch ${shown}: ${why}`);
  }
  if (!response.ok) throw new SpecSyncError(`cannot fetch ${shown}: HTTP ${response.status} ${response.statusText}`);
  try {
    return await response.text();
  } catch (error) {
    throw new SpecSyncError(`cannot read the body of ${shown}: ${(error as Error).message}`);
  }
}

function relativeLabel(file: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    const known =
      error instanceof SpecSyncError || error instanceof SpecError || /is not valid YAML or JSON/.test(error.message);
    console.error(`spec:sync refused: ${error.message}`);
    console.error("spec/ was left untouched.");
    process.exit(known ? 1 : 2);
  },
);
