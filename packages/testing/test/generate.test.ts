/** The spec drives the factories: a field or schema added to spec/ shows up after `pnpm generate`, no hand edit. */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { Random } from "../src/random.js";
import type { JsonSchemaDocument } from "../src/schema-document.js";
import { generateValue } from "../src/value-generator.js";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../../..");
const scratch = mkdtempSync(join(tmpdir(), "hogkit-testing-generate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("a field and a schema added to the spec get generated values and a factory", async () => {
  cpSync(join(root, "spec"), join(scratch, "spec"), { recursive: true });
  const specFile = join(scratch, "spec/projects.openapi.yaml");
  const spec = readFileSync(specFile, "utf8");
  // The first `properties:` after the schema's name, whatever comes between (its description).
  const at = spec.indexOf("      properties:\n", spec.indexOf("    ProjectBackwardCompat:\n"));
  expect(at).toBeGreaterThan(0);
  const marker = "      properties:\n";
  const withField = `${spec.slice(0, at)}${marker}        deploy_region:\n          type: string\n          enum: [us-east-1, eu-central-1]\n          readOnly: true\n${spec.slice(at + marker.length)}`;
  const withSchema = withField.replace(
    "  schemas:\n",
    "  schemas:\n    PaginatedWidgetList:\n      type: object\n      required: [count]\n      properties:\n        count: {type: integer, minimum: 0}\n",
  );
  writeFileSync(specFile, withSchema);
  const out = join(scratch, "out");
  await run(
    process.execPath,
    ["--import", "tsx", join(root, "scripts/generate/main.ts"), "--spec", specFile, "--out", out],
    {
      cwd: root,
    },
  );
  const generated = join(out, "packages/testing/src/generated");
  const { schemaDocument } = (await import(pathToFileURL(join(generated, "schemas.ts")).href)) as {
    schemaDocument: JsonSchemaDocument;
  };
  expect(schemaDocument.definitions.read.ProjectBackwardCompat?.properties?.deploy_region).toEqual({
    type: "string",
    enum: ["us-east-1", "eu-central-1"],
    readOnly: true,
  });
  expect(schemaDocument.definitions.write.ProjectBackwardCompat?.properties).not.toHaveProperty("deploy_region");
  const value = generateValue(
    { random: new Random(1), document: schemaDocument, optionalFields: "all", nextId: () => 1, uuids: new Set() },
    schemaDocument.definitions.read.ProjectBackwardCompat!,
    { path: "ProjectBackwardCompat", noun: "Project", depth: 0 },
  ) as Record<string, unknown>;
  expect(["us-east-1", "eu-central-1"]).toContain(value.deploy_region);
  const factories = readFileSync(join(generated, "factories.ts"), "utf8");
  expect(factories).toContain('buildWidgetsPage(overrides?: Overrides<Readable<Schemas["PaginatedWidgetList"]>>)');
});
