/**
 * The spec against PostHog's published schema (the snapshot in ../shared/upstream/). spec/ must say
 * exactly what PostHog publishes for every operation, parameter and field both describe; the
 * overlay's corrections are the only differences allowed, and each must be one an overlay action
 * made. What upstream has beyond the seed pages is listed, not failed.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compareWithUpstream, explainedBy } from "../../scripts/lib/contract.ts";
import type { OpenAPIDocument } from "../../scripts/lib/openapi.ts";
import { traceOverlay } from "../../scripts/lib/overlay.ts";
import { loadSpec, readDocument } from "../../scripts/lib/spec-model/index.ts";
import { readSyncConfig } from "../../scripts/spec-sync/config.ts";
import { resourceOf } from "../../scripts/spec-sync/sync.ts";

const root = resolve(import.meta.dirname, "../..");
const snapshot = resolve(root, "../shared/upstream/posthog-openapi-2025-11-19.yaml");
// What we cover is what spec:sync takes: the resources of the sync config.
const config = readSyncConfig(resolve(root, "spec/sync.config.yaml"));
const covered = (path: string) => resourceOf(config, path) !== undefined;

describe.runIf(existsSync(snapshot))("spec/ against PostHog's published schema", () => {
  const upstream = readDocument<OpenAPIDocument>(snapshot);
  const spec = loadSpec(resolve(root, "spec/projects.openapi.yaml"));
  if (!spec.overlay) throw new Error("spec/projects.overlay.yaml is missing");
  const traced = traceOverlay(spec.canonical, spec.overlay);

  it("spec/projects.openapi.yaml says what PostHog publishes for everything both describe", () => {
    const report = compareWithUpstream(spec.published, upstream, covered);
    expect(report.differences).toEqual([]);
  });

  it("every difference after the overlay is one an overlay action made", () => {
    const report = compareWithUpstream(traced.document, upstream, covered);
    const touched = traced.touched.map((t) => t.pointer);
    const unexplained = report.differences.filter((d) => !explainedBy(d.pointer, touched));
    expect(unexplained).toEqual([]);
    // The corrections really differ from upstream: the overlay is not a no-op.
    expect(report.differences.map((d) => d.what)).toEqual(
      expect.arrayContaining([
        "PATCH /api/organizations/{organization_id}/projects/{id}/ personal API key scopes",
        "GET /api/organizations/{organization_id}/projects/{id}/is_generating_demo_data/ 200 response schema",
        expect.stringMatching(/^GET \/api\/organizations\/\{id\}\/ parameter path:id/),
      ]),
    );
  });

  it("covers every operation of the seed pages and the organization endpoints, and lists what upstream has beyond them", () => {
    const report = compareWithUpstream(spec.published, upstream, covered);
    expect(report.oursOnly).toEqual([]);
    // Reported for the maintainers, not a failure: these are candidates for the next spec sync.
    console.log(`upstream describes beyond the seed pages:\n  ${report.upstreamOnly.join("\n  ")}`);
    expect(report.upstreamOnly).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^operation PUT .*projects\/\{id\}\/ \(update_2\)$/),
        "field ProjectBackwardCompat.receive_org_level_activity_logs",
      ]),
    );
  });
});

describe.runIf(!existsSync(snapshot))("spec/ against PostHog's published schema", () => {
  it.skip(`needs ${snapshot}`, () => {});
});
