/**
 * Reading a spec: one document (YAML or JSON, OpenAPI 3.0 or 3.1), its canonical form, and the
 * overlay that corrects it. What `pnpm generate`, the spec tools and the tests all load.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import type { OpenAPIDocument } from "../openapi.ts";
import { applyOverlay, type OverlayDocument } from "../overlay.ts";
import { normalizeDocument } from "./normalize.ts";
import { SpecError } from "./refs.ts";

export interface LoadedSpec {
  /** The document as published (what `spec/` holds), in whichever OpenAPI 3.x spelling. */
  published: OpenAPIDocument;
  /** The published document in canonical form (see normalize.ts). */
  canonical: OpenAPIDocument;
  /** The canonical document with the overlay's corrections applied: what code is generated from. */
  effective: OpenAPIDocument;
  overlay?: OverlayDocument;
}

/** Checks that `input` is an OpenAPI 3.x document; `label` names it in the error. */
export function checkDocument(input: unknown, label: string): OpenAPIDocument {
  const document = input as OpenAPIDocument | null;
  if (!document || typeof document !== "object" || !document.openapi || !document.paths) {
    throw new SpecError(`${label} is not an OpenAPI document (no "openapi" or "paths" field)`);
  }
  if (!/^3\.[01]\./.test(String(document.openapi))) {
    throw new SpecError(`${label} is OpenAPI ${document.openapi}; only 3.0 and 3.1 are supported`);
  }
  return document;
}

export function readDocument<T = OpenAPIDocument>(file: string): T {
  const text = readFileSync(file, "utf8");
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both; int64 bounds become floats.
    return (openapiTypescriptYaml ?? yamlPackage)(text) as T;
  } catch (error) {
    throw new Error(`${file} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}

/**
 * openapi-typescript's own YAML reader (js-yaml, through its dependency @redocly/openapi-core), which
 * the types emitter loads anyway. It reads PostHog's 2 MB schema in ~0.15 s where `yaml` takes
 * ~1.5 s (bench/codegen), gives the same document as `yaml` for our spec, overlay and that schema
 * (tests/unit/spec-yaml.test.ts, tests/upstream/spec-sync.test.ts), and reads exactly what the
 * openapi-typescript CLI would see. `yaml` stays the fallback should openapi-typescript stop bringing it.
 */
function yamlPackage(text: string): unknown {
  // Loaded only when needed: the fast path makes it dead weight on every `pnpm generate`.
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return parse(text, { maxAliasCount: -1 });
}

export const openapiTypescriptYaml = ((): ((text: string) => unknown) | null => {
  try {
    const fromOpenapiTypescript = createRequire(createRequire(import.meta.url).resolve("openapi-typescript"));
    const core = fromOpenapiTypescript("@redocly/openapi-core") as { parseYaml?: (text: string) => unknown };
    return typeof core.parseYaml === "function" ? core.parseYaml : null;
  } catch {
    return null;
  }
})();

/**
 * The overlay is written against the canonical form, so a correction keeps applying when PostHog
 * re-spells the same schema (3.0 → 3.1).
 */
export function loadSpec(specFile: string, overlayFile?: string | null): LoadedSpec {
  const published = checkDocument(readDocument(specFile), specFile);
  const canonical = normalizeDocument(published);
  const overlayPath = overlayFile === undefined ? defaultOverlayPath(specFile) : overlayFile;
  if (!overlayPath) return { published, canonical, effective: canonical };
  const overlay = readDocument<OverlayDocument>(overlayPath);
  return { published, canonical, effective: applyOverlay(canonical, overlay), overlay };
}

/** `spec/projects.openapi.yaml` is corrected by `spec/projects.overlay.yaml` when that file exists. */
export function defaultOverlayPath(specFile: string): string | null {
  const candidate = resolve(
    dirname(specFile),
    specFile.replace(/^.*\//, "").replace(/\.openapi\.(ya?ml|json)$/, ".overlay.yaml"),
  );
  return candidate !== resolve(specFile) && existsSync(candidate) ? candidate : null;
}
