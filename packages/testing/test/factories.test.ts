/** Factories: schema-valid for every seed and schema, reproducible, with typed deep-merged overrides. */
import { describe, expect, it } from "vitest";
import { createFactories, createSchemaValidator, factoryTable, schemaDocument } from "../src/index.js";

const validator = createSchemaValidator();
const entries = Object.entries(factoryTable);

describe("factories", () => {
  it("there is one factory per component schema of the spec", () => {
    const schemas = entries.map(([, { schema }]) => schema).sort();
    expect(schemas).toEqual(Object.keys(schemaDocument.definitions.read).sort());
    expect(Object.keys(factoryTable)).toEqual(
      expect.arrayContaining([
        "buildProject",
        "buildProjectBasic",
        "buildProjectsPage",
        "buildTeam",
        "buildProjectUpdate",
      ]),
    );
  });

  it("1 000 seeds × every schema: every value validates against the spec (ajv), in both optional-field modes", () => {
    let checked = 0;
    for (let seed = 0; seed < 1000; seed++) {
      const factories = createFactories({ seed, optionalFields: seed % 2 === 0 ? "all" : "some" });
      for (const [name, { schema, view }] of entries) {
        const value = (factories as unknown as Record<string, () => unknown>)[name]!();
        const errors = validator.errors(schema, view, value);
        if (errors) throw new Error(`seed ${seed} ${name}: ${JSON.stringify(errors[0])}\n${JSON.stringify(value)}`);
        checked++;
      }
    }
    expect(checked).toBe(1000 * entries.length);
  });

  it("1 000 seeds: the same seed gives the same bytes, a different seed different ones", () => {
    const run = (seed: number) => {
      const factories = createFactories({ seed }) as unknown as Record<string, () => unknown>;
      return JSON.stringify(entries.map(([name]) => factories[name]!()));
    };
    const seen = new Set<string>();
    for (let seed = 0; seed < 1000; seed++) {
      const first = run(seed);
      expect(run(seed)).toBe(first);
      seen.add(first);
    }
    expect(seen.size).toBe(1000);
  });

  it("the validator is real: it rejects a broken value", () => {
    const project = createFactories({ seed: 3 }).buildProject();
    expect(validator.errors("ProjectBackwardCompat", "read", project)).toBeNull();
    expect(validator.errors("ProjectBackwardCompat", "read", { ...project, timezone: "Mars/Olympus" })).not.toBeNull();
    expect(validator.errors("ProjectBackwardCompat", "read", { ...project, id: "1" })).not.toBeNull();
    const { api_token: _omitted, ...missing } = project;
    expect(validator.errors("ProjectBackwardCompat", "read", missing)?.[0]?.keyword).toBe("required");
  });

  it("overrides are deep-merged, arrays replaced, and the result keeps its type", () => {
    const factories = createFactories({ seed: 7 });
    const page = factories.buildProjectsPage({ count: 2, results: [factories.buildProjectBasic({ name: "A" })] });
    expect(page.count).toBe(2);
    expect(page.results).toHaveLength(1);
    expect(page.results[0]?.name).toBe("A");
    const team = factories.buildTeam({ product_intents: [], name: "Checkout" });
    expect(team.name).toBe("Checkout");
    expect(team.product_intents).toEqual([]);
    const entry = factories.buildActivityLogEntry({ detail: { name: "renamed" } });
    expect(entry.detail.name).toBe("renamed");
    expect(validator.errors("ActivityLogEntry", "read", entry)).toBeNull();
    // @ts-expect-error timezone is the TimezoneEnum union, not any string
    factories.buildProject({ timezone: "Mars/Olympus" });
  });

  it("ids and UUIDs are unique within one factory", () => {
    const factories = createFactories({ seed: 11 });
    const projects = Array.from({ length: 500 }, () => factories.buildProject());
    expect(new Set(projects.map((p) => p.id)).size).toBe(500);
    const uuids = projects.flatMap((p) => [p.uuid, p.organization]);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it("values look like PostHog's: phc_/phs_ tokens, names, decimal sample rates", () => {
    const factories = createFactories({ seed: 5 });
    for (let i = 0; i < 50; i++) {
      const project = factories.buildProject();
      expect(project.api_token).toMatch(/^phc_[2-9A-HJ-NP-Za-km-z]{44}$/);
      if (project.secret_api_token) expect(project.secret_api_token).toMatch(/^phs_[a-zA-Z0-9]+$/);
      expect(project.name).toMatch(/^Project \d+$/);
      if (project.session_recording_sample_rate !== null && project.session_recording_sample_rate !== undefined) {
        expect(project.session_recording_sample_rate).toMatch(/^-?\d{0,1}(?:\.\d{0,2})?$/);
      }
      expect(Date.parse(project.created_at)).not.toBeNaN();
    }
  });

  it("request-body schemas are built without read-only fields", () => {
    const update = createFactories({ seed: 2 }).buildProjectUpdate();
    expect(update).not.toHaveProperty("id");
    expect(update).not.toHaveProperty("api_token");
    expect(validator.errors("PatchedProjectBackwardCompat", "write", update)).toBeNull();
  });

  it("a bad seed is a clear error", () => {
    expect(() => createFactories({ seed: Number.NaN })).toThrow(/seed must be a finite number/);
  });
});
