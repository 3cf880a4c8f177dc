/**
 * A sync that adds operations needs no hand edit and moves no name. In a scratch copy, spec/ gains a
 * `PATCH …/projects/{id}/<action>/` (answering the project: no named behaviour in the fake), the
 * action a word no path and no recorded name has, and a `POST` on a recorded GET action (`activity`
 * today) that clashes with its recorded name; both are picked from the spec and set as data. Then
 * generate and build. Every name the real packages export is still exported, the newcomer is the one
 * renamed, and the action works end to end: client, fake, React cache.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { camelCase, pascal } from "../../scripts/lib/names/rules.ts";
import { PACKAGES, root, type Scratch, scratchCopy } from "../upstream/scratch.ts";
import { addOperation, getActionWithout, readYaml, type SpecDocument, unusedAction } from "./spec-edit.ts";

const ITEM = "/api/organizations/{organization_id}/projects/{id}/";
const spec = readYaml<SpecDocument>(join(root, "spec/projects.openapi.yaml"));
const recordedNames = readYaml<Parameters<typeof unusedAction>[1]>(join(root, "spec/projects.names.yaml"));
const ACTION = unusedAction(spec, recordedNames, "projects");
const HOOK = `use${pascal(ACTION)}`;
const CLASH = getActionWithout(spec, ITEM, "POST");
const CLASH_METHOD = `${camelCase(CLASH.word)}Create`;
const parameters = [{ $ref: "#/components/parameters/ProjectId" }, { $ref: "#/components/parameters/OrganizationId" }];
const json = (schema: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } });
const ACTION_OPERATION = {
  operationId: `projects_${ACTION}_partial_update`,
  summary: pascal(ACTION),
  tags: ["projects"],
  parameters,
  requestBody: { content: json("PatchedProjectBackwardCompat") },
  responses: { "200": { description: "", content: json("ProjectBackwardCompat") } },
  security: [{ PersonalAPIKeyAuth: ["project:write"] }],
};
const CLASH_OPERATION = {
  operationId: `projects_${CLASH.word}_create`,
  summary: "Log activity",
  tags: ["projects"],
  parameters,
  responses: { "201": { description: "" } },
  security: [{ PersonalAPIKeyAuth: ["project:write"] }],
};

/** Runtime exports plus every name the entry's declarations export. */
async function exportedNames(dir: string, pkg: string): Promise<string[]> {
  const runtime = Object.keys(await import(pathToFileURL(join(dir, "packages", pkg, "dist/index.js")).href));
  const declarations = readFileSync(join(dir, "packages", pkg, "dist/index.d.ts"), "utf8");
  const declared = [...declarations.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] as string).split(",").map(
      (item) =>
        item
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)
          .at(-1) ?? "",
    ),
  );
  return [...new Set([...runtime, ...declared].filter(Boolean))].sort();
}

describe("operations added by a sync", () => {
  let copy: Scratch;
  beforeAll(() => {
    copy = scratchCopy("new-operations");
    const specFile = join(copy.dir, "spec/projects.openapi.yaml");
    addOperation(specFile, `${ITEM}${ACTION}/`, "PATCH", ACTION_OPERATION);
    addOperation(specFile, CLASH.path, "POST", CLASH_OPERATION);
    copy.node(["scripts/generate/run.mjs"]);
    copy.build();
  }, 240_000);
  afterAll(() => copy?.remove());

  it("renames nothing the packages export: every name of the real build is still there", async () => {
    for (const pkg of PACKAGES) {
      const before = await exportedNames(root, pkg);
      const after = await exportedNames(copy.dir, pkg);
      expect(
        before.filter((name) => !after.includes(name)),
        `@hogkit/${pkg}`,
      ).toEqual([]);
    }
    const recorded = parse(readFileSync(join(root, "spec/projects.names.yaml"), "utf8"));
    const names = parse(readFileSync(join(copy.dir, "spec/projects.names.yaml"), "utf8"));
    expect(names).toMatchObject(recorded);
    expect(names.operations[`POST ${CLASH.path}`].client).toBe(`projects.${CLASH_METHOD}`);
    expect(await exportedNames(copy.dir, "react")).toEqual(
      expect.arrayContaining([HOOK, `use${pascal(CLASH_METHOD)}`]),
    );
  });

  it(`client.projects.${ACTION}(id) answers the stored project with its own id and organization`, async () => {
    const { createClient } = await import(pathToFileURL(join(copy.dir, "packages/client/dist/index.js")).href);
    const { createFakePostHog } = await import(pathToFileURL(join(copy.dir, "packages/testing/dist/index.js")).href);
    const fake = createFakePostHog({ seed: 5, organizations: [{}, {}], projects: [{ name: "One" }, { name: "Two" }] });
    const server = await fake.listen({ port: 0 });
    try {
      const client = createClient({ apiKey: fake.apiKey, host: server.url });
      const stored = fake.db.project(2);
      const archived = await client.projects[ACTION](2, { name: "Two (archived)" });
      expect(archived).toMatchObject({ id: 2, organization: stored.organization, name: "Two (archived)" });
      expect(archived.uuid).toBe(stored.uuid);
      const listed = await client.projects.list();
      expect(listed.results.map((p: { id: number; name: string }) => [p.id, p.name])).toEqual([
        [1, "One"],
        [2, "Two (archived)"],
      ]);
    } finally {
      await server.close();
    }
  });

  it(`${HOOK} caches that project under its detail key (run with the copy's React test setup)`, () => {
    const react = join(copy.dir, "packages/react");
    // The fixture is written for `useArchive`: the hook the copy has is named in its place.
    const fixture = readFileSync(join(root, "tests/fixtures/regenerate/archive.test.tsx"), "utf8");
    writeFileSync(join(react, "test/archive.test.tsx"), fixture.replaceAll("useArchive", HOOK));
    const run = spawnSync(
      process.execPath,
      [join(root, "node_modules/vitest/vitest.mjs"), "run", "test/archive.test.tsx"],
      {
        cwd: react,
        encoding: "utf8",
      },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
    expect(run.stdout).toMatch(/1 passed/);
  }, 120_000);
});
