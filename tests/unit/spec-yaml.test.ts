import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { openapiTypescriptYaml, readDocument } from "../../scripts/lib/spec-model/index.ts";
import { leadingComment, parseSpecText, stringifySpec } from "../../scripts/lib/spec-yaml.ts";

const root = resolve(import.meta.dirname, "../..");
const files = [
  "spec/projects.openapi.yaml",
  "spec/projects.overlay.yaml",
  "spec/sync.config.yaml",
  "tests/fixtures/spec-diff/sync/upstream.yaml",
  "tests/fixtures/spec-diff/sync/spec/things.openapi.yaml",
];

describe("readDocument's fast YAML path", () => {
  it("is openapi-typescript's own reader, not the slow fallback", () => {
    expect(openapiTypescriptYaml).toBeTypeOf("function");
  });

  it.each(files)("reads %s exactly as the `yaml` package does", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    expect(readDocument(join(root, file))).toStrictEqual(parse(text, { maxAliasCount: -1 }));
  });

  it("still refuses broken YAML with the file named", () => {
    const dir = mkdtempSync(join(tmpdir(), "hogkit-yaml-"));
    try {
      writeFileSync(join(dir, "broken.yaml"), "openapi: 3.0.3\npaths: {\n  a: [\n");
      expect(() => readDocument(join(dir, "broken.yaml"))).toThrow(/broken\.yaml is not valid YAML or JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("spec-yaml", () => {
  it("writes the committed spec back byte for byte (header comment and int64 bounds included)", () => {
    const text = readFileSync(join(root, "spec/projects.openapi.yaml"), "utf8");
    expect(stringifySpec(parseSpecText(text, "spec"), leadingComment(text))).toBe(text);
  });
});
