import type { Project, ProjectBasic } from "@hogkit/types";
import { describe, expectTypeOf, it } from "vitest";
import { createClient } from "../src/index.js";

const { projects } = createClient({ apiKey: "phx_x" });

describe("generated method types", () => {
  it("take the id first and return the corrected shapes", () => {
    expectTypeOf(projects.retrieve).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(projects.retrieve(1)).resolves.toEqualTypeOf<Project>();
    expectTypeOf(projects.isGeneratingDemoData(1)).resolves.toEqualTypeOf<{ is_generating_demo_data: boolean }>();
    expectTypeOf(projects.delete(1)).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(projects.activity(1, { limit: 10, page: 2 })).resolves.toHaveProperty("total_count");
  });

  it("iterate() yields the list's items", () => {
    expectTypeOf(projects.iterate()).toEqualTypeOf<AsyncGenerator<ProjectBasic, void, undefined>>();
  });

  it("reject wrong arguments", () => {
    // @ts-expect-error product_type is required
    projects.addProductIntent(1, {});
    // @ts-expect-error the id is a number
    projects.retrieve({ id: 1 });
    // @ts-expect-error read-only fields are not part of an update
    projects.update(1, { id: 2 });
    // @ts-expect-error list takes limit and offset
    projects.list({ page: 2 });
    projects.update(1, { name: "x" }, { organizationId: "@current", timeoutMs: 5, maxRetries: 0 });
  });
});

describe("standalone function types", () => {
  it("take a core or a client first, then the method's own parameters", async () => {
    const { createCore } = await import("../src/core.js");
    const { projectsIterate, projectsList, projectsRetrieve, projectsUpdate } = await import("../src/funcs.js");
    const core = createCore({ host: "eu" });
    const client = createClient({ host: "eu" });
    expectTypeOf(projectsRetrieve(core, 1)).resolves.toEqualTypeOf<Project>();
    expectTypeOf(projectsRetrieve(client, 1)).resolves.toEqualTypeOf<Project>();
    expectTypeOf(projectsList).parameter(1).toEqualTypeOf<Parameters<typeof projects.list>[0]>();
    expectTypeOf(projectsIterate(core)).toEqualTypeOf<AsyncGenerator<ProjectBasic, void, undefined>>();
    expectTypeOf(projectsUpdate).parameters.toEqualTypeOf<[typeof core, ...Parameters<typeof projects.update>]>();
    // @ts-expect-error the first argument is a core or a client
    projectsRetrieve({ baseUrl: "x", organizationId: "@current" }, 1);
  });
});
