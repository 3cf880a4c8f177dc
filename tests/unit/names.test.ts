/**
 * Public names: the rules (path + HTTP method, never operationIds) and the registry that keeps a
 * recorded name whatever else appears. Given/want rows, no spec needed.
 */
import { describe, expect, it } from "vitest";
import {
  assign,
  assignNames,
  emptyNames,
  type NamesFile,
  type OperationFacts,
  pathShape,
} from "../../scripts/lib/names/index.ts";
import { friendlyTypeCandidates, methodCandidates } from "../../scripts/lib/names/rules.ts";

const ORG = "/api/organizations/{organization_id}";
const op = (httpMethod: string, path: string, extra: Partial<OperationFacts> = {}): OperationFacts => ({
  key: `${httpMethod} ${path}`,
  path,
  httpMethod,
  resource: "projects",
  offsetPages: false,
  bodyNeedsType: false,
  ...extra,
});

describe("client method rule", () => {
  it.each([
    ["GET", `${ORG}/projects/`, "list"],
    ["POST", `${ORG}/projects/`, "create"],
    ["GET", `${ORG}/projects/{id}/`, "retrieve"],
    ["PUT", `${ORG}/projects/{id}/`, "replace"],
    ["PATCH", `${ORG}/projects/{id}/`, "update"],
    ["DELETE", `${ORG}/projects/{id}/`, "delete"],
    ["PATCH", `${ORG}/projects/{id}/rotate_secret_token/`, "rotateSecretToken"],
    ["GET", `${ORG}/projects/{id}/is_generating_demo_data/`, "isGeneratingDemoData"],
    ["POST", `${ORG}/projects/{id}/change_organization/`, "changeOrganization"],
    ["POST", `${ORG}/projects/bulk_delete/`, "bulkDelete"],
  ])("%s %s → %s", (httpMethod, path, method) => {
    expect(methodCandidates(op(httpMethod, path))[0]).toBe(method);
  });

  it.each([
    [`${ORG}/projects/{id}/activity/`, { item: true, action: ["activity"] }],
    [`${ORG}/projects/`, { item: false, action: [] }],
    ["/api/organizations/{id}/", { item: true, action: [] }],
    ["/api/organizations/", { item: false, action: [] }],
  ])("%s is %j for its resource", (path, shape) => {
    const resource = path.includes("/projects/") ? "projects" : "organizations";
    expect(pathShape(path, resource)).toEqual(shape);
  });

  it("an action that clashes takes its verb: GET activity → activityRetrieve, POST → activityCreate", () => {
    expect(methodCandidates(op("GET", `${ORG}/projects/{id}/activity/`))).toEqual(["activity", "activityRetrieve"]);
    expect(methodCandidates(op("POST", `${ORG}/projects/{id}/activity/`))).toEqual(["activity", "activityCreate"]);
  });
});

describe("friendly type rule", () => {
  it.each([
    ["ProjectBackwardCompat", "Project"],
    ["ProjectBackwardCompatBasic", "ProjectBasic"],
    ["PaginatedProjectBackwardCompatBasicList", "ProjectsPage"],
    ["PaginatedActivityList", "ActivitiesPage"],
    ["PatchedProjectBackwardCompat", "ProjectUpdate"],
    ["TimezoneEnum", "Timezone"],
    ["Team", "Team"],
  ])("%s → %s", (schema, friendly) => {
    expect(friendlyTypeCandidates(schema)[0]).toBe(friendly);
  });
});

describe("registry", () => {
  const claim = (owner: string, ...candidates: string[]) => ({ owner, candidates: candidates.map((c) => [c]) });

  it.each([
    {
      why: "a free first candidate is taken",
      given: [claim("a", "x", "y")],
      want: { a: ["x"] },
    },
    {
      why: "a recorded name wins over a new claim, which moves on",
      given: [claim("new", "x", "newX"), { ...claim("old", "x"), recorded: ["x"] }],
      want: { old: ["x"], new: ["newX"] },
    },
    {
      why: "two new claims on one name both move on: file order never decides",
      given: [claim("b", "x", "bX"), claim("a", "x", "aX")],
      want: { a: ["aX"], b: ["bX"] },
    },
    {
      why: "a claim with no other candidate keeps its name when the other can move",
      given: [claim("Project", "Project"), claim("ProjectBackwardCompat", "Project", "ProjectBackwardCompat")],
      want: { Project: ["Project"], ProjectBackwardCompat: ["ProjectBackwardCompat"] },
    },
    {
      why: "claims with nothing left are numbered in owner order",
      given: [claim("b", "x"), claim("a", "x")],
      want: { a: ["x2"], b: ["x3"] },
    },
  ])("$why", ({ given, want }) => {
    expect(Object.fromEntries(assign(given))).toEqual(want);
  });

  it("a candidate of several names is free only when all of them are", () => {
    const result = assign([
      {
        owner: "hook",
        candidates: [
          ["useX", "useSuspenseX"],
          ["useY", "useSuspenseY"],
        ],
      },
      { owner: "other", candidates: [["useSuspenseX"]], recorded: ["useSuspenseX"] },
    ]);
    expect(result.get("hook")).toEqual(["useY", "useSuspenseY"]);
  });

  it("refuses a names file that records one name twice", () => {
    expect(() =>
      assign([
        { ...claim("a", "x"), recorded: ["x"] },
        { ...claim("b", "y"), recorded: ["x"] },
      ]),
    ).toThrow(/x is recorded twice/);
  });
});

describe("assignNames", () => {
  const projects = [
    op("GET", `${ORG}/projects/`, { offsetPages: true }),
    op("GET", `${ORG}/projects/{id}/`),
    op("PATCH", `${ORG}/projects/{id}/archive/`),
  ];
  const dashboards = [op("PATCH", `${ORG}/dashboards/{id}/archive/`, { resource: "dashboards" })];

  it("names every artifact of a fresh spec by the rules", () => {
    const names = assignNames({ operations: projects, schemas: ["ProjectBackwardCompat"] }, emptyNames());
    expect(names.operations[`GET ${ORG}/projects/`]).toEqual({
      client: "projects.list",
      function: "projectsList",
      iterate: "projects.iterate",
      iterateFunction: "projectsIterate",
      queryOptions: "projectsQueryOptions",
      hook: "useProjects",
      suspenseHook: "useSuspenseProjects",
      infiniteQueryOptions: "projectsInfiniteQueryOptions",
      infiniteHook: "useProjectsInfinite",
    });
    expect(names.operations[`PATCH ${ORG}/projects/{id}/archive/`]).toMatchObject({
      client: "projects.archive",
      mutationHook: "useArchive",
      mutationVariables: "ArchiveVariables",
    });
    expect(names.resources.projects).toEqual({ type: "ProjectsResource", keys: "projectKeys" });
    expect(names.schemas.ProjectBackwardCompat).toEqual({ type: "Project", factory: "buildProject" });
  });

  it("another resource's archive does not rename the recorded useArchive: the newcomer is qualified", () => {
    const recorded = assignNames({ operations: projects, schemas: [] }, emptyNames());
    const next = assignNames({ operations: [...projects, ...dashboards], schemas: [] }, recorded);
    expect(next.operations[`PATCH ${ORG}/projects/{id}/archive/`]?.mutationHook).toBe("useArchive");
    expect(next.operations[`PATCH ${ORG}/dashboards/{id}/archive/`]?.mutationHook).toBe("useDashboardArchive");
    expect(next).toMatchObject(recorded);
  });

  it("a second activity keeps the first one's name and takes its verb", () => {
    const first = [op("GET", `${ORG}/projects/{id}/activity/`)];
    const recorded = assignNames({ operations: first, schemas: [] }, emptyNames());
    const next = assignNames(
      { operations: [...first, op("POST", `${ORG}/projects/{id}/activity/`)], schemas: [] },
      recorded,
    );
    expect(next.operations[`GET ${ORG}/projects/{id}/activity/`]?.client).toBe("projects.activity");
    expect(next.operations[`POST ${ORG}/projects/{id}/activity/`]?.client).toBe("projects.activityCreate");
  });

  it("a name chosen in the names file is kept, and hand-written exports are never taken", () => {
    const recorded: NamesFile = emptyNames();
    recorded.operations[`PATCH ${ORG}/projects/{id}/archive/`] = {
      client: "projects.shelve",
      function: "projectsShelve",
      mutationHook: "useShelveProject",
      mutationVariables: "ShelveProjectVariables",
    };
    const names = assignNames({ operations: projects, schemas: [] }, recorded, { react: ["useProjects"] });
    expect(names.operations[`PATCH ${ORG}/projects/{id}/archive/`]?.client).toBe("projects.shelve");
    expect(names.operations[`GET ${ORG}/projects/`]?.hook).toBe("useProjectsList");
  });

  it("a resource whose collection is the path itself: organizations, beside projects, moving none of theirs", () => {
    const organizations = [
      op("GET", "/api/organizations/", { resource: "organizations", offsetPages: true }),
      op("POST", "/api/organizations/", { resource: "organizations", bodyNeedsType: true }),
      op("GET", "/api/organizations/{id}/", { resource: "organizations" }),
      op("PUT", "/api/organizations/{id}/", { resource: "organizations", bodyNeedsType: true }),
      op("PATCH", "/api/organizations/{id}/", { resource: "organizations" }),
      op("DELETE", "/api/organizations/{id}/", { resource: "organizations" }),
    ];
    const changeOrganization = op("POST", `${ORG}/projects/{id}/change_organization/`);
    const recorded = assignNames({ operations: [...projects, changeOrganization], schemas: [] }, emptyNames());
    const next = assignNames(
      { operations: [...projects, changeOrganization, ...organizations], schemas: [] },
      recorded,
    );
    expect(next).toMatchObject(recorded);
    const picked = (key: string, fields: Array<keyof NamesFile["operations"][string]>) =>
      fields.map((field) => next.operations[key]?.[field]);
    expect(picked("GET /api/organizations/", ["client", "hook", "iterate"])).toEqual([
      "organizations.list",
      "useOrganizations",
      "organizations.iterate",
    ]);
    expect(picked("GET /api/organizations/{id}/", ["client", "function", "hook", "queryOptions"])).toEqual([
      "organizations.retrieve",
      "organizationsRetrieve",
      "useOrganization",
      "organizationQueryOptions",
    ]);
    expect(picked("POST /api/organizations/", ["client", "mutationHook", "body"])).toEqual([
      "organizations.create",
      "useCreateOrganization",
      "OrganizationCreate",
    ]);
    expect(picked("PUT /api/organizations/{id}/", ["client", "mutationHook"])).toEqual([
      "organizations.replace",
      "useReplaceOrganization",
    ]);
    expect(picked("DELETE /api/organizations/{id}/", ["client", "mutationHook"])).toEqual([
      "organizations.delete",
      "useDeleteOrganization",
    ]);
    // The projects' change_organization keeps its hook; the organization resource has its own keys.
    expect(next.operations[`POST ${ORG}/projects/{id}/change_organization/`]?.mutationHook).toBe(
      "useChangeOrganization",
    );
    expect(next.resources.organizations).toEqual({ type: "OrganizationsResource", keys: "organizationKeys" });
  });
});
