/**
 * Seeding one organization (`createFakePostHog({ organizations })`): the fake's own options
 * (`membershipLevel`, `members`, the plan, …), any field of PostHog's Organization record exactly
 * as PostHog returns it, or both. Record fields are stored as given: `membership_level`, the plan
 * and the two settings the fake acts on as the options they stand for, the other writable ones
 * among its settings, the read-only ones it does not compute as they are; `member_count` makes that
 * many members, and a `logo_media_id` is uploaded media that exists. The projects its `teams` and
 * `projects` name are made by seed-state.ts.
 */
import type { FakeRuntime } from "../context.js";
import type { FakeOrganization, FakeUser, MembershipLevel, ProductFeature } from "../database.js";
import { checkSeedFields, SeedDataError, sameJson, seedError, shown } from "../seed-data.js";
import { ORGANIZATION_SCHEMA, type Organization, organizationRecord } from "./records.js";

/**
 * One organization to seed: the fake's options below, any field of PostHog's Organization record
 * (`membership_level`, `member_count`, `teams`, … exactly as PostHog returns them), or both; an
 * option and the field it stands for must agree.
 */
export interface FakeOrganizationInput extends Partial<Organization> {
  /** Default: a UUID from the seed. */
  id?: string;
  name?: string;
  /** The fake user's level here: 1 member, 8 admin, 15 owner (default), null not a member. */
  membershipLevel?: MembershipLevel;
  /** The organization's other members, by level (`member_count` counts them); one owner at most, the user included. */
  members?: Array<{ level: 1 | 8 | 15; email?: string }>;
  /**
   * The plan, as PostHog's `available_product_features`. Default: unlimited projects
   * (`[{ key: "organizations_projects", limit: null }]`); `[]` is PostHog's free plan (one project).
   */
  availableProductFeatures?: ProductFeature[];
  /** Members may create projects (PostHog also needs the `organization_invite_settings` feature). */
  membersCanCreateProjects?: boolean;
  /** Default true. False refuses members' personal API keys (with the `organization_security_settings` feature). */
  membersCanUsePersonalApiKeys?: boolean;
  /** A paid subscription: the organization's last project cannot be deleted. Default false. */
  hasActiveSubscription?: boolean;
  /** `anonymize_ips` of new projects (PostHog's EU Cloud sets it). Default false. */
  defaultAnonymizeIps?: boolean;
}

export interface SeededOrganization {
  organization: FakeOrganization;
  /** The Organization fields the seed gave, as given. */
  fields: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNLIMITED: ProductFeature[] = [{ key: "organizations_projects", name: "Projects", limit: null }];
/** A `member_count` beyond this is a mistake, not a fixture. */
const MAX_MEMBERS = 10_000;

/** The options that are no Organization field, and the field each one stands for (null: none). */
const OPTIONS: Record<string, string | null> = {
  membershipLevel: "membership_level",
  members: null,
  availableProductFeatures: "available_product_features",
  membersCanCreateProjects: null,
  membersCanUsePersonalApiKeys: "members_can_use_personal_api_keys",
  hasActiveSubscription: null,
  defaultAnonymizeIps: "default_anonymize_ips",
};

/** Record fields the fake keeps in its own properties or computes: the rest are settings or read-only values. */
const MODELLED = new Set([
  "id",
  "name",
  "slug",
  "created_at",
  "updated_at",
  "membership_level",
  "plugins_access_level",
  "teams",
  "projects",
  "available_product_features",
  "members_can_use_personal_api_keys",
  "default_anonymize_ips",
  "member_count",
]);

function checkOptions(input: FakeOrganizationInput, where: string): void {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw seedError(where, "each organization must be an object");
  }
  if (input.id !== undefined && (typeof input.id !== "string" || !UUID.test(input.id))) {
    throw new SeedDataError(`[hogkit fake] ${where}.id must be a UUID, got ${shown(input.id)}`);
  }
  if (input.name !== undefined && (typeof input.name !== "string" || !input.name.trim() || input.name.length > 64)) {
    throw seedError(`${where}.name`, "must be a non-empty string of at most 64 characters");
  }
  if (input.membershipLevel !== undefined && ![1, 8, 15, null].includes(input.membershipLevel)) {
    throw seedError(`${where}.membershipLevel`, "must be 1 (member), 8 (admin), 15 (owner) or null");
  }
  if (input.members !== undefined && !Array.isArray(input.members)) {
    throw seedError(`${where}.members`, "must be a list of { level, email? }");
  }
  const flags = [
    "membersCanCreateProjects",
    "membersCanUsePersonalApiKeys",
    "hasActiveSubscription",
    "defaultAnonymizeIps",
  ];
  for (const option of flags) {
    const value = (input as Record<string, unknown>)[option];
    if (value !== undefined && typeof value !== "boolean") {
      throw seedError(`${where}.${option}`, `must be true or false, got ${shown(value)}`);
    }
  }
}

/** The plan as PostHog stores it: null, or AvailableFeature entries (a `key` each). */
function checkFeatures(features: unknown, where: string): ProductFeature[] | null {
  if (features === null) return null;
  if (!Array.isArray(features))
    throw seedError(where, `must be a list of { key, name?, limit? }, got ${shown(features)}`);
  features.forEach((feature, i) => {
    if (feature === null || typeof feature !== "object" || typeof feature.key !== "string") {
      throw seedError(
        `${where}[${i}]`,
        `must be { key, name?, limit? } (a PostHog AvailableFeature), got ${shown(feature)}`,
      );
    }
  });
  return structuredClone(features);
}

/** As many other members as `member_count` says, besides the user when they are one. */
function countedMembers(count: unknown, level: MembershipLevel, where: string): Array<{ level: 1 }> | undefined {
  if (typeof count !== "number") return undefined;
  const others = count - (level === null ? 0 : 1);
  if (others < 0) {
    throw seedError(`${where}.member_count`, `${count} leaves out the user, who is a member here: count them too`);
  }
  if (others > MAX_MEMBERS) throw seedError(`${where}.member_count`, `at most ${MAX_MEMBERS + 1} members in a seed`);
  return Array.from({ length: others }, () => ({ level: 1 as const }));
}

/** One organization of the seed, not stored yet (the caller adds it, in order). */
export function seedOrganization(
  runtime: FakeRuntime,
  input: FakeOrganizationInput,
  index: number,
): SeededOrganization {
  const where = `organizations[${index}]`;
  const { db } = runtime;
  checkOptions(input, where);
  const fields = checkSeedFields(runtime.validator, ORGANIZATION_SCHEMA, input, where, Object.keys(OPTIONS));
  if (typeof fields.id === "string") fields.id = fields.id.toLowerCase();
  const options = input as Record<string, unknown>;
  for (const [option, field] of Object.entries(OPTIONS)) {
    if (!field || options[option] === undefined || !(field in fields) || sameJson(options[option], fields[field]))
      continue;
    throw seedError(
      `${where}.${option}`,
      `${shown(options[option])} disagrees with ${field}: ${shown(fields[field])}: give one of them`,
    );
  }
  const id = (fields.id as string | undefined) ?? runtime.factories.random.uuid();
  if (db.organization(id)) throw seedError(`${where}.id`, `two organizations with id ${id}`);
  if (typeof fields.slug === "string" && db.organizations.some((o) => o.slug === fields.slug)) {
    throw seedError(`${where}.slug`, `two organizations with slug "${fields.slug}"`);
  }
  const level = (
    input.membershipLevel !== undefined
      ? input.membershipLevel
      : "membership_level" in fields
        ? fields.membership_level
        : 15
  ) as MembershipLevel;
  const features =
    input.availableProductFeatures !== undefined
      ? checkFeatures(input.availableProductFeatures, `${where}.availableProductFeatures`)
      : "available_product_features" in fields
        ? checkFeatures(fields.available_product_features, `${where}.available_product_features`)
        : structuredClone(UNLIMITED);
  const organization = organizationRecord(runtime, {
    id,
    name: (fields.name as string | undefined) ?? `Organization ${index + 1}`,
    // Seeded organizations get fixed timestamps (a day apart from 2023-12-01): same seed, same state.
    at: new Date(Date.UTC(2023, 11, 1 + index)),
    membershipLevel: level,
    availableProductFeatures: features,
    slug: fields.slug as string | undefined,
  });
  const given = <T>(field: string, fallback: T) => (field in fields ? (fields[field] as T) : fallback);
  Object.assign(organization, {
    created_at: given("created_at", organization.created_at),
    updated_at: given("updated_at", organization.updated_at),
    pluginsAccessLevel: given("plugins_access_level", organization.pluginsAccessLevel),
    members: membersOf(
      input.members ?? countedMembers(fields.member_count, level, where),
      level,
      db.user,
      `[hogkit fake] ${where}`,
    ),
    membersCanCreateProjects: input.membersCanCreateProjects ?? false,
    membersCanUsePersonalApiKeys:
      input.membersCanUsePersonalApiKeys ?? given("members_can_use_personal_api_keys", true),
    hasActiveSubscription: input.hasActiveSubscription ?? false,
    defaultAnonymizeIps: input.defaultAnonymizeIps ?? given("default_anonymize_ips", false),
  });
  for (const [name, value] of Object.entries(fields)) {
    if (MODELLED.has(name)) continue;
    if (Object.hasOwn(organization.settings, name)) organization.settings[name] = structuredClone(value);
    else organization.readOnly[name] = structuredClone(value);
  }
  // A logo a record names is media that was uploaded: a later write may name it again.
  if (typeof fields.logo_media_id === "string") db.uploadedMedia.set(fields.logo_media_id, id);
  return { organization, fields };
}

/** Who else is in an organization, checked like seed data: one owner at most, the user included. */
export function membersOf(
  input: ReadonlyArray<{ email?: string; level?: unknown }> | undefined,
  userLevel: MembershipLevel,
  user: FakeUser,
  where: string,
): FakeOrganization["members"] {
  const members = (input ?? []).map((member, i) => {
    const level = member?.level;
    if (level !== 1 && level !== 8 && level !== 15) {
      throw new SeedDataError(`${where}.members[${i}].level: must be 1 (member), 8 (admin) or 15 (owner)`);
    }
    const email = member.email ?? `member${i + 1}@example.com`;
    if (typeof email !== "string" || !email.includes("@") || email === user.email) {
      throw new SeedDataError(`${where}.members[${i}].email: must be an email address other than the user's`);
    }
    return { email, level: level as 1 | 8 | 15 };
  });
  if (members.filter((m) => m.level === 15).length + (userLevel === 15 ? 1 : 0) > 1) {
    throw new SeedDataError(
      `${where}.members: an organization has one owner (the user is one unless membershipLevel says otherwise)`,
    );
  }
  return members;
}
