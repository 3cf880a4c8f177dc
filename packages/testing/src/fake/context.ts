/**
 * What a named behaviour, a permission or a resource's store gets for one request: the engine's
 * context (engine/context.ts) and the URL's scope as PostHog's routing resolves it (the organization
 * of `{organization_id}`, the project of `{id}`: request-context.ts).
 */

import type { FakeDatabase, FakeOrganization, StoredProject } from "./database.js";
import type { Behaviour as EngineBehaviour, EngineContext, EngineRuntime } from "./engine/context.js";

export interface FakeRuntime extends EngineRuntime {
  readonly db: FakeDatabase;
  /** Valid `product_type` values (PostHog's ProductKey). */
  readonly productKeys: readonly string[];
  /** Valid `intent_context` values (ProductIntentContext); null accepts any string. */
  readonly intentContexts: readonly string[] | null;
  /** PostHog feature flags switched on for the fake's user (`project-secret-api-keys`). */
  readonly featureFlags: ReadonlySet<string>;
}

export interface RequestContext extends EngineContext {
  readonly runtime: FakeRuntime;
  /** The organization of the URL (`@current` resolved), when it exists and the user belongs to it. */
  readonly organization: FakeOrganization | undefined;
  /** The organization id the URL names, after `@current` resolution (may be unknown; "" when invalid). */
  readonly organizationId: string;
  /**
   * The organization the URL names (view.organization): 404 "Organization not found." when the id is
   * not a UUID, `@current` names none, or no such organization exists. It may be one the user is not in.
   */
  organizationRecord(): FakeOrganization;
  /** An operation of the organization resource itself (`/api/organizations/…`, the organization is its `{id}`). */
  readonly organizationRoute: boolean;
  /**
   * PostHog's `view.organization` for the permission checks and behaviours: on project routes the
   * URL's organization (as organizationRecord); on the organization resource the one `{id}` names
   * (`@current`, or a UUID among the caller's organizations: 404 otherwise), and null on its
   * collection (list, create), which is no organization's view.
   */
  viewOrganization(): FakeOrganization | null;
  /** The user's level in an organization (1 member, 8 admin, 15 owner), null when not a member. */
  membership(organizationId: string): number | null;
  /**
   * Whether the view has a team (view.team): a project route with `{id}`, or a route under
   * `{project_id}` (a project-scoped resource).
   */
  readonly teamRoute: boolean;
  /**
   * The view's project, looked up as the server does (400 non-integer, 404 unknown / not visible):
   * `{id}` on the project resource, `{project_id}` on a project-scoped one.
   */
  project(): StoredProject;
}

export type Behaviour = EngineBehaviour<RequestContext>;
