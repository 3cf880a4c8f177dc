import { describe, expectTypeOf, it } from "vitest";
import type {
  OperationBody,
  OperationPathParams,
  OperationQuery,
  OperationResult,
  Project,
  ProjectBasic,
  ProjectCreate,
  ProjectsPage,
  ProjectUpdate,
  Timezone,
  WeekStartDay,
} from "../src/index.js";

describe("request types exclude read-only fields", () => {
  it("ProjectUpdate has no api_token, id or secret tokens", () => {
    // @ts-expect-error api_token is read-only
    const update: ProjectUpdate = { api_token: "phc_x" };
    // @ts-expect-error id is read-only
    const withId: ProjectUpdate = { id: 1 };
    // @ts-expect-error secret_api_token is read-only
    const withSecret: ProjectCreate = { secret_api_token: "phs_x" };
    expectTypeOf<ProjectUpdate>().toHaveProperty("name");
    void [update, withId, withSecret];
  });

  it("every writable field is optional, so an empty create is valid", () => {
    const empty: ProjectCreate = {};
    const named: ProjectCreate = { name: "Web", timezone: "Europe/Berlin", week_start_day: 1 };
    void [empty, named];
  });
});

describe("enums are exact", () => {
  it("timezone rejects an unknown zone", () => {
    const ok: Timezone = "Africa/Abidjan";
    // @ts-expect-error not a time zone PostHog knows
    const mars: Timezone = "Mars/Base";
    // @ts-expect-error also on the request type
    const update: ProjectUpdate = { timezone: "Mars/Base" };
    void [ok, mars, update];
  });

  it("week_start_day is 0 | 1", () => {
    expectTypeOf<WeekStartDay>().toEqualTypeOf<0 | 1>();
    // @ts-expect-error only Sunday (0) or Monday (1)
    const tuesday: ProjectUpdate = { week_start_day: 2 };
    void tuesday;
  });
});

describe("response types", () => {
  it("a project has its read-only fields, unwrapped", () => {
    expectTypeOf<Project["id"]>().toEqualTypeOf<number>();
    expectTypeOf<Project["api_token"]>().toEqualTypeOf<string>();
    expectTypeOf<Project["secret_api_token"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ProjectBasic["name"]>().toEqualTypeOf<string>();
  });

  it("a page has count, absolute next/previous and basic projects", () => {
    expectTypeOf<ProjectsPage["results"]>().toEqualTypeOf<ProjectBasic[]>();
    expectTypeOf<ProjectsPage["next"]>().toEqualTypeOf<string | null | undefined>();
  });
});

describe("per-operation helpers (with the overlay's corrections)", () => {
  it("isGeneratingDemoData returns { is_generating_demo_data: boolean }", () => {
    expectTypeOf<OperationResult<"projects_is_generating_demo_data_retrieve">>().toEqualTypeOf<{
      is_generating_demo_data: boolean;
    }>();
  });

  it("activity returns a page of log entries, paged by limit and page", () => {
    type Page = OperationResult<"projects_activity_retrieve">;
    expectTypeOf<Page["total_count"]>().toEqualTypeOf<number>();
    expectTypeOf<Page["results"][number]["scope"]>().toEqualTypeOf<string>();
    expectTypeOf<OperationQuery<"projects_activity_retrieve">>().toEqualTypeOf<{ limit?: number; page?: number }>();
  });

  it("addProductIntent requires product_type", () => {
    const ok: OperationBody<"projects_add_product_intent_partial_update"> = { product_type: "session_replay" };
    // @ts-expect-error product_type is required
    const missing: OperationBody<"projects_add_product_intent_partial_update"> = { intent_context: "x" };
    void [ok, missing];
  });

  it("delete returns nothing and retrieve returns a project", () => {
    expectTypeOf<OperationResult<"projects_destroy">>().toEqualTypeOf<undefined>();
    expectTypeOf<OperationResult<"projects_retrieve">>().toEqualTypeOf<Project>();
  });

  it("path parameters are typed: organization_id string, id number", () => {
    expectTypeOf<OperationPathParams<"projects_retrieve">>().toEqualTypeOf<{ organization_id: string; id: number }>();
  });
});
