/** What a named behaviour (or the derived one, fallback.ts) gets for one request. */
import type { OperationInfo } from "@hogkit/types";
import type { Factories } from "../factories.js";
import type { SchemaValidator } from "../schema-validator.js";
import type { Caller } from "./auth.js";
import type { FakeDatabase, FakeOrganization, StoredProject } from "./database.js";

export interface FakeRuntime {
  readonly db: FakeDatabase;
  readonly factories: Factories;
  readonly validator: SchemaValidator;
  readonly now: () => Date;
  /** Valid `product_type` values (PostHog's ProductKey). */
  readonly productKeys: readonly string[];
  /** Valid `intent_context` values (ProductIntentContext); null accepts any string. */
  readonly intentContexts: readonly string[] | null;
  /** PostHog feature flags switched on for the fake's user (`project-secret-api-keys`). */
  readonly featureFlags: ReadonlySet<string>;
}

export interface RequestContext {
  readonly runtime: FakeRuntime;
  readonly request: Request;
  readonly url: URL;
  readonly row: OperationInfo;
  readonly params: Record<string, string>;
  readonly caller: Caller;
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
  /** The project of `{id}`, looked up as the server does (400 non-integer, 404 unknown / not visible). */
  project(): StoredProject;
  /** The JSON body validated against the operation's request schema, read-only fields dropped. */
  body(): Promise<Record<string, unknown>>;
  /** The JSON body, parsed but not validated (DRF's `request.data`: `{}` when there is none). */
  rawBody(): Promise<unknown>;
}

export type Behaviour = (context: RequestContext) => Response | Promise<Response>;
