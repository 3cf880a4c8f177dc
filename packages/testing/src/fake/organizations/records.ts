/**
 * Organization records: making one as `Organization.objects.bootstrap` does (the caller its owner,
 * a "Default project" in it, both made the caller's current ones), changing its settings, deleting
 * it as the membership signal and `User.organization` leave the caller's current organization, and
 * the view OrganizationSerializer returns (seeding one: organization-seeds.ts). The record is the spec's
 * Organization schema: a writable field the fake does not act on lives in `settings` under its API
 * name, a read-only one it does not compute in `readOnly`, so a field a sync adds is stored and
 * returned with no edit here.
 * Sources: posthog/api/organization.py, posthog/models/organization.py, posthog/models/user.py,
 * posthog/api/shared.py (TeamBasicSerializer, ProjectBasicSerializer).
 */
import type { components, Readable } from "@hogkit/types";
import type { FakeRuntime } from "../context.js";
import type { FakeOrganization, MembershipLevel, ProductFeature } from "../database.js";
import { notFound, serverError, validationError } from "../engine/api-error.js";
import { djangoUuid, drfDateTime } from "../engine/python.js";
import { allowsNull, schemaProperties } from "../engine/schema-records.js";
import { newProject } from "../projects/records.js";

export type Organization = Readable<components["schemas"]["Organization"]>;

/** The operation table's resource whose records these are. */
export const ORGANIZATIONS = "organizations";
/** The component schema of an organization record. */
export const ORGANIZATION_SCHEMA = "Organization";

/** API fields the fake acts on, and where the record keeps them. */
const ACTED_ON: Record<string, "name" | "membersCanUsePersonalApiKeys" | "defaultAnonymizeIps"> = {
  name: "name",
  members_can_use_personal_api_keys: "membersCanUsePersonalApiKeys",
  default_anonymize_ips: "defaultAnonymizeIps",
};

/** The Organization model's column defaults (posthog/models/organization.py) for the other writable fields. */
const MODEL_DEFAULTS: Record<string, unknown> = {
  logo_media_id: null,
  is_member_join_email_enabled: true,
  enforce_2fa: null,
  members_can_invite: true,
  allow_publicly_shared_resources: true,
  is_ai_data_processing_approved: null,
  default_experiment_stats_method: "bayesian",
  default_role_id: null,
};

const properties = () => schemaProperties(ORGANIZATION_SCHEMA);

/** Every writable field of the schema the fake does not act on, at its model default. */
export function defaultSettings(): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties())) {
    if (schema.readOnly || name in ACTED_ON) continue;
    settings[name] = Object.hasOwn(MODEL_DEFAULTS, name)
      ? structuredClone(MODEL_DEFAULTS[name])
      : allowsNull(schema)
        ? null
        : schema.type === "boolean"
          ? false
          : schema.type === "array"
            ? []
            : "";
  }
  return settings;
}

/** Django's slugify, unique among the fake's organizations (create_with_slug adds a random suffix). */
export function uniqueSlug(runtime: FakeRuntime, name: string): string {
  const base = name
    .normalize("NFKD")
    // Django's slugify keeps ASCII only (allow_unicode=False).
    .replace(/[^ -~]/g, "")
    .toLowerCase()
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[-\s]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 48);
  const taken = new Set(runtime.db.organizations.map((o) => o.slug));
  let slug = base || "organization";
  while (taken.has(slug))
    slug = `${base || "organization"}-${runtime.factories.random.string(4, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
  return slug;
}

export interface OrganizationFields {
  id: string;
  name: string;
  at: Date;
  membershipLevel: MembershipLevel;
  availableProductFeatures: ProductFeature[] | null;
  /** Default: unique, from the name. */
  slug?: string;
}

/** A record with the model's defaults; not stored (seeding and create add it). */
export function organizationRecord(runtime: FakeRuntime, fields: OrganizationFields): FakeOrganization {
  const at = drfDateTime(fields.at);
  return {
    id: fields.id,
    name: fields.name,
    slug: fields.slug ?? uniqueSlug(runtime, fields.name),
    created_at: at,
    updated_at: at,
    membershipLevel: fields.membershipLevel,
    members: [],
    settings: defaultSettings(),
    // A self-hosted instance's: no billing customer, no instance tag.
    readOnly: { customer_id: null, metadata: { instance_tag: "none" } },
    pluginsAccessLevel: 3,
    availableProductFeatures: fields.availableProductFeatures,
    membersCanCreateProjects: false,
    membersCanUsePersonalApiKeys: true,
    hasActiveSubscription: false,
    defaultAnonymizeIps: false,
  };
}

/**
 * `Organization.objects.bootstrap(user, **validated_data)`: the organization with the caller as
 * owner, its "Default project", and both become the caller's current organization and project.
 */
export function bootstrapOrganization(runtime: FakeRuntime, attrs: Record<string, unknown>): FakeOrganization {
  const { db } = runtime;
  const organization = organizationRecord(runtime, {
    id: runtime.factories.random.uuid(),
    name: String(attrs.name),
    at: runtime.now(),
    membershipLevel: 15,
    // A new organization has no plan until billing syncs one: PostHog's free plan, one project.
    availableProductFeatures: [],
  });
  applyOrganizationFields(runtime, organization, attrs);
  db.organizations.push(organization);
  const project = newProject(runtime, organization, {}, { name: "Default project" });
  db.currentOrganizationId = organization.id;
  db.currentProjectId = project.data.id;
  return organization;
}

/** Validated fields onto the record; `logo_media_id` names an UploadedMedia (only seeds make any). */
export function applyOrganizationFields(
  runtime: FakeRuntime,
  organization: FakeOrganization,
  attrs: Record<string, unknown>,
): void {
  // DRF's RelatedField.run_validation: "We force empty strings to None values for relational fields."
  if (attrs.logo_media_id === "") attrs.logo_media_id = null;
  const logo = attrs.logo_media_id;
  if (logo !== undefined && logo !== null && !runtime.db.uploadedMedia.has(String(logo))) {
    throw validationError(`Invalid pk "${String(logo)}" - object does not exist.`, "does_not_exist", "logo_media_id");
  }
  for (const [field, value] of Object.entries(attrs)) {
    const prop = ACTED_ON[field];
    if (prop === "name") organization.name = String(value);
    else if (prop) organization[prop] = value === true;
    else organization.settings[field] = value;
  }
}

/**
 * Deletes the organization and its projects. The caller's membership goes with it: their current
 * organization, if it was this one, becomes the first other one they belong to (User.organization),
 * and a current project inside it becomes that organization's first.
 */
export function deleteOrganization(runtime: FakeRuntime, organization: FakeOrganization): void {
  const { db } = runtime;
  for (const project of db.projects.filter((p) => p.organization === organization.id)) {
    db.stored.delete(project.id);
    for (const [dashboard, owner] of db.dashboards) if (owner === project.id) db.dashboards.delete(dashboard);
  }
  db.organizations.splice(db.organizations.indexOf(organization), 1);
  if (db.currentOrganizationId === organization.id) db.currentOrganizationId = db.memberOrganizations()[0]?.id ?? "";
  if (db.currentProjectId !== null && !db.stored.has(db.currentProjectId)) {
    db.currentProjectId = db.projects.find((p) => p.organization === db.currentOrganizationId)?.id ?? null;
  }
}

/**
 * OrganizationViewSet.organization: `@current` is the caller's current organization; anything else
 * is looked up as a UUID among the caller's organizations, narrowed to a key's
 * `scoped_organizations` (404 "Not found." outside them; a value that is not a UUID makes Django's
 * lookup raise, a 500).
 */
export function lookupOrganization(runtime: FakeRuntime, raw: string, scoped: readonly string[]): FakeOrganization {
  const { db } = runtime;
  if (raw === "@current") {
    const current = db.organization(db.currentOrganizationId);
    if (!current?.membershipLevel) throw notFound("Current organization not found.");
    return current;
  }
  const id = djangoUuid(raw);
  if (id === "invalid" || id === null) throw serverError();
  const found = db.organization(id);
  if (!found?.membershipLevel || (scoped.length && !scoped.includes(found.id))) throw notFound();
  return found;
}

/** OrganizationSerializer, for the fake's one user; fields in the schema's order. */
export function organizationView(runtime: FakeRuntime, organization: FakeOrganization): Organization {
  const projects = runtime.db.projects.filter((p) => p.organization === organization.id);
  const values: Record<string, unknown> = {
    ...organization.settings,
    ...structuredClone(organization.readOnly),
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    created_at: organization.created_at,
    updated_at: organization.updated_at,
    membership_level: organization.membershipLevel,
    plugins_access_level: organization.pluginsAccessLevel,
    teams: projects.map((p) => ({
      id: p.id,
      uuid: p.uuid,
      organization: p.organization,
      project_id: p.id,
      api_token: p.api_token,
      name: p.name,
      completed_snippet_onboarding: p.completed_snippet_onboarding,
      has_completed_onboarding_for: p.has_completed_onboarding_for ?? null,
      ingested_event: p.ingested_event,
      is_demo: p.is_demo,
      timezone: p.timezone,
      access_control: p.access_control,
    })),
    projects: projects.map((p) => ({ id: p.id, organization_id: p.organization, name: p.name })),
    available_product_features: structuredClone(organization.availableProductFeatures),
    members_can_use_personal_api_keys: organization.membersCanUsePersonalApiKeys,
    default_anonymize_ips: organization.defaultAnonymizeIps,
    member_count: organization.members.length + (organization.membershipLevel === null ? 0 : 1),
  };
  const view: Record<string, unknown> = {};
  for (const name of Object.keys(properties())) if (name in values) view[name] = values[name];
  return view as Organization;
}
