/** What `createFakePostHog()` accepts (the seed state, the clock, the operation table). */
import type { OperationInfo } from "@hogkit/types";
import type { ApiKeyKind, FakeUser, Project } from "./database.js";
import type { FakeOrganizationInput } from "./organizations/seeds.js";

export type { FakeOrganizationInput } from "./organizations/seeds.js";

export interface FakeApiKeyInput {
  /** Default: a `phx_…` key (or `pha_…` token) from the seed. */
  key?: string;
  /** `personal` (default, `phx_`) or `oauth` (an OAuth access token, `pha_`). */
  kind?: ApiKeyKind;
  /** Default `["*"]`: every scope. */
  scopes?: string[];
  /** Limit the key to these organizations (PostHog's `scoped_organizations`). */
  scopedOrganizations?: string[];
  /** Limit the key to these projects (`scoped_teams`): PostHog then refuses it on list and create. */
  scopedTeams?: number[];
}

export interface FakePostHogOptions {
  /** Seed for every generated value (ids, UUIDs, tokens, fields); default 1. */
  seed?: number;
  /**
   * The fake's options for each, and/or PostHog's organization record as it returns it. Default: the
   * organizations the projects name, else one where the user is owner. The first the user belongs to
   * is `@current`.
   */
  organizations?: FakeOrganizationInput[];
  /**
   * Projects that already exist: any fields of PostHog's project record, exactly as PostHog returns
   * them (a GET response, or a list item), stored as given and checked by type and enum (a bad value
   * is a SeedDataError naming the project and field). What is not given is as PostHog creates it.
   * The organizations and primary dashboards they name exist. The first in the current organization
   * is `@current`.
   */
  projects?: Array<Partial<Project>>;
  /** Personal API keys and OAuth tokens the fake accepts. Default: one personal key with every scope. */
  keys?: FakeApiKeyInput[];
  /** The user every credential belongs to, as the activity log shows them. */
  user?: Partial<FakeUser>;
  /** Clock for created_at / updated_at / activity; default the real time. */
  now?: () => Date;
  /** Bodies larger than this are refused with 413; default 20 MB. */
  maxBodyBytes?: number;
  /** PostHog's ProductKey values, for add_product_intent and complete_product_onboarding. */
  productKeys?: string[];
  /** PostHog's ProductIntentContext values for `intent_context`; default: any string. */
  intentContexts?: string[] | null;
  /** PostHog feature flags on for the user, e.g. `project-secret-api-keys` (no first legacy secret token). */
  featureFlags?: string[];
  /** The operation table to serve; default `operationTable` of `@hogkit/types`. */
  operations?: readonly OperationInfo[];
}

/** ProductKey values from PostHog's frontend schema (a subset; pass `productKeys` to change it). */
export const DEFAULT_PRODUCT_KEYS = [
  "product_analytics",
  "web_analytics",
  "session_replay",
  "feature_flags",
  "experiments",
  "surveys",
  "data_warehouse",
  "error_tracking",
  "llm_analytics",
  "revenue_analytics",
  "marketing_analytics",
  "workflows",
  "logs",
] as const;
