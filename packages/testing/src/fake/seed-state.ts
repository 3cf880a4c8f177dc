/**
 * createFakePostHog's `organizations` and `projects` as state, in the order a seed needs: every
 * project checked first (the organizations they name may have to be made), then the organizations
 * (those given; else the ones the projects name, the user at each project's level; else one the
 * user owns), then the projects, with the ids and dashboards the seeds name reserved before any
 * project gets a new one, then the projects an organization's `teams` and `projects` name that no
 * seed gave, and last the check that every seeded record reads back as it was given.
 */
import { createFactories } from "../factories.js";
import type { FakeRuntime } from "./context.js";
import type { FakeOrganization, StoredProject } from "./database.js";
import { addKey } from "./keys.js";
import type { FakePostHogOptions } from "./options.js";
import { organizationView } from "./organizations/records.js";
import { type FakeOrganizationInput, type SeededOrganization, seedOrganization } from "./organizations/seeds.js";
import { PROJECT_SCHEMA, projectView, seedProject } from "./projects/records.js";
import { checkReadsBack, checkSeedFields, SeedDataError, seedError, shown } from "./seed-data.js";

type Json = Record<string, unknown>;

/** The runtime whose generated values restart with the seed. */
export type SeededRuntime = { -readonly [K in keyof FakeRuntime]: FakeRuntime[K] };

/** The state the fake was created with (same seed, same values), in the state's own objects. */
export function seedState(runtime: SeededRuntime, options: FakePostHogOptions): void {
  const { db } = runtime;
  runtime.factories = createFactories({ seed: options.seed ?? 1 });
  db.organizations.length = 0;
  db.keys.length = 0;
  db.sessions.length = 0;
  db.stored.clear();
  db.dashboards.clear();
  db.uploadedMedia.clear();
  db.records.clear();
  db.nextProjectId = 1;
  db.nextDashboardId = 1;
  db.nextCohortId = 1;
  db.currentProjectId = null;
  db.user = { first_name: "Hogkit", email: "hogkit@example.com", ...options.user };
  const projects = checkProjectSeeds(runtime, options.projects);
  const organizations = seedOrganizations(runtime, options.organizations, projects);
  db.currentOrganizationId = db.organizations.find((o) => o.membershipLevel)?.id ?? "";
  for (const [i, input] of (options.keys?.length ? options.keys : [{}]).entries()) addKey(runtime, input, `keys[${i}]`);
  const stored = seedProjects(runtime, projects, organizations);
  db.currentProjectId = db.projects.find((p) => p.organization === db.currentOrganizationId)?.id ?? null;
  checkSeedsReadBack(runtime, projects, stored, organizations);
}

function listOf(value: unknown, name: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw seedError(name, `must be a list, got ${shown(value)}`);
  return value;
}

/** Each seeded project's fields, checked against the record schema, as given (its organization's UUID lower-cased). */
export function checkProjectSeeds(runtime: FakeRuntime, projects: unknown): Json[] {
  return listOf(projects, "projects").map((input, index) => {
    const where = `projects[${index}]`;
    const fields = checkSeedFields(runtime.validator, PROJECT_SCHEMA, input, where);
    if (typeof fields.organization === "string") fields.organization = fields.organization.toLowerCase();
    const id = fields.id;
    if (id !== undefined && (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1)) {
      throw new SeedDataError(`[hogkit fake] ${where}.id must be a positive integer, got ${shown(id)}`);
    }
    return fields;
  });
}

/** The organizations the projects name, in order, the user at the level the first of each says. */
function namedOrganizations(projects: Json[]): FakeOrganizationInput[] {
  const named = new Map<string, FakeOrganizationInput>();
  for (const fields of projects) {
    const id = fields.organization;
    if (typeof id !== "string" || named.has(id)) continue;
    const level = fields.effective_membership_level as FakeOrganizationInput["membershipLevel"];
    named.set(id, level === undefined ? { id } : { id, membershipLevel: level });
  }
  return [...named.values()];
}

/** The organizations, stored in order; `given` empty or left out means the ones the projects name. */
export function seedOrganizations(runtime: FakeRuntime, given: unknown, projects: Json[]): SeededOrganization[] {
  const listed = listOf(given, "organizations") as FakeOrganizationInput[];
  const named = namedOrganizations(projects);
  const inputs = listed.length ? listed : named.length ? named : [{}];
  return inputs.map((input, index) => {
    const seeded = seedOrganization(runtime, input, index);
    runtime.db.organizations.push(seeded.organization);
    return seeded;
  });
}

interface NamedProject {
  organization: FakeOrganization;
  fields: Json;
}

/** The projects an organization record's `teams` (TeamBasic) and `projects` (ProjectBasic) name, by id. */
function projectsNamedBy(runtime: FakeRuntime, organizations: SeededOrganization[]): Map<number, NamedProject> {
  const named = new Map<number, NamedProject>();
  organizations.forEach(({ organization, fields }, index) => {
    const entries = [
      ...((fields.teams as Json[] | undefined) ?? []).map((entry, i) => ({ entry, list: "teams", i })),
      ...((fields.projects as Json[] | undefined) ?? []).map((entry, i) => ({ entry, list: "projects", i })),
    ];
    for (const { entry, list, i } of entries) {
      const where = `organizations[${index}].${list}[${i}]`;
      // A team's project_id is its id; a ProjectBasic names its organization organization_id.
      const { project_id: projectId, organization_id: organizationId, ...rest } = entry;
      const project = checkSeedFields(runtime.validator, PROJECT_SCHEMA, rest, where);
      if (typeof project.id !== "number" || !Number.isSafeInteger(project.id) || project.id < 1) {
        throw seedError(`${where}.id`, `must be the id of a project (a positive integer), got ${shown(project.id)}`);
      }
      if (projectId !== undefined && projectId !== project.id) {
        throw seedError(
          `${where}.project_id`,
          `${shown(projectId)} is not the team's id ${project.id}: they are the same`,
        );
      }
      const owner = project.organization ?? organizationId;
      if (owner !== undefined && String(owner).toLowerCase() !== organization.id) {
        throw seedError(`${where}`, `names organization ${shown(owner)}, not this one (${organization.id})`);
      }
      delete project.organization;
      const known = named.get(project.id);
      named.set(project.id, { organization, fields: { ...project, ...known?.fields } });
    }
  });
  return named;
}

/** Each seeded project's id: its own, else the next one no seed gives (so no new id takes a seeded one). */
function projectIds(runtime: FakeRuntime, projects: Json[], named: Map<number, NamedProject>): number[] {
  const { db } = runtime;
  const reserved = new Set<number>(named.keys());
  projects.forEach((fields, index) => {
    const id = fields.id as number | undefined;
    if (id === undefined) return;
    if (projects.slice(0, index).some((other) => other.id === id)) {
      throw new SeedDataError(`[hogkit fake] projects[${index}].id: two projects with id ${id}`);
    }
    reserved.add(id);
  });
  const newId = () => {
    while (reserved.has(db.nextProjectId)) db.nextProjectId++;
    return db.nextProjectId++;
  };
  const ids = projects.map((fields) => (fields.id as number | undefined) ?? newId());
  db.nextProjectId = Math.max(db.nextProjectId, ...[...reserved].map((id) => id + 1));
  return ids;
}

/** A seeded primary_dashboard is its project's, before any project gets a new dashboard. */
function claimDashboards(runtime: FakeRuntime, projects: Json[], ids: number[]): void {
  const { dashboards } = runtime.db;
  projects.forEach((fields, index) => {
    const dashboard = fields.primary_dashboard;
    const id = ids[index] as number;
    if (typeof dashboard !== "number") return;
    const owner = dashboards.get(dashboard);
    if (owner !== undefined && owner !== id) {
      throw seedError(
        `projects[${index}].primary_dashboard`,
        `dashboard ${dashboard} is already project ${owner}'s primary dashboard: a dashboard belongs to one project`,
      );
    }
    dashboards.set(dashboard, id);
  });
}

/** The organization a seeded project is in (its own, else the current one), the user's level there as it says. */
function organizationOf(runtime: FakeRuntime, fields: Json, where: string): FakeOrganization {
  const { db } = runtime;
  const organizationId = (fields.organization as string | undefined) ?? db.currentOrganizationId;
  const organization = db.organization(organizationId);
  if (!organization) {
    throw seedError(
      `${where}.organization`,
      `no organization ${organizationId} in the fake: add it to organizations (or leave organizations out, and the ones the projects name are made)`,
    );
  }
  const level = fields.effective_membership_level;
  if (level !== undefined && level !== organization.membershipLevel) {
    throw seedError(
      `${where}.effective_membership_level`,
      `${shown(level)}, but the user's level in organization ${organization.id} is ${shown(organization.membershipLevel)} (its membershipLevel): make them agree`,
    );
  }
  return organization;
}

/** The seeded projects (in seed order), then the ones organizations name that no seed gave. */
export function seedProjects(
  runtime: FakeRuntime,
  projects: Json[],
  organizations: SeededOrganization[],
): StoredProject[] {
  const named = projectsNamedBy(runtime, organizations);
  const ids = projectIds(runtime, projects, named);
  claimDashboards(runtime, projects, ids);
  // Seeded projects get fixed timestamps (a day apart from 2024-01-01): same seed, same state.
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n));
  const stored = projects.map((fields, index) =>
    seedProject(runtime, organizationOf(runtime, fields, `projects[${index}]`), fields, {
      id: ids[index] as number,
      at: day(index),
    }),
  );
  let next = projects.length;
  for (const [id, { organization, fields }] of named) {
    if (!runtime.db.stored.has(id)) seedProject(runtime, organization, fields, { id, at: day(next++) });
  }
  return stored;
}

/** Every seeded record as the fake now returns it, field by field as given. */
export function checkSeedsReadBack(
  runtime: FakeRuntime,
  projects: Json[],
  stored: StoredProject[],
  organizations: SeededOrganization[],
): void {
  projects.forEach((fields, index) => {
    const project = stored[index] as StoredProject;
    checkReadsBack(`projects[${index}]`, fields, projectView(runtime, project) as unknown as Json);
  });
  organizations.forEach(({ organization, fields }, index) => {
    checkReadsBack(`organizations[${index}]`, fields, organizationView(runtime, organization) as unknown as Json);
  });
}
