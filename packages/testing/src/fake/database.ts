/**
 * The fake's in-memory state: organizations (their settings, their members, and the plan PostHog
 * reads permissions from), projects (stored in the full `ProjectBackwardCompat` shape the API
 * returns), their activity, dashboards, and the credentials it accepts. One instance per fake;
 * nothing is shared.
 */
import type { components, Readable } from "@hogkit/types";
import type { FakeApiKey, FakeSession, FakeUser } from "./engine/credentials.js";
import type { ScopedRecord } from "./engine/record-store.js";

export type { ApiKeyKind, FakeApiKey, FakeSession, FakeUser } from "./engine/credentials.js";

export type Project = Readable<components["schemas"]["ProjectBackwardCompat"]>;
export type ActivityLogEntry = Readable<components["schemas"]["ActivityLogEntry"]>;

/** Membership of the fake's user: 1 member, 8 admin, 15 owner, null not a member. */
export type MembershipLevel = 1 | 8 | 15 | null;

/** One of an organization's `available_product_features` (posthog/constants.py AvailableFeature keys). */
export interface ProductFeature {
  key: string;
  name?: string;
  /** For `organizations_projects`: how many non-demo projects; null for unlimited. */
  limit?: number | null;
}

/** Another member of an organization (the fake's user is the caller; these only count and rank). */
export interface FakeMember {
  email: string;
  /** 1 member, 8 admin, 15 owner (one owner per organization, the user included). */
  level: 1 | 8 | 15;
}

export interface FakeOrganization {
  id: string;
  name: string;
  /** Unique, from the name (PostHog's `create_with_slug`). */
  slug: string;
  created_at: string;
  updated_at: string;
  /** The fake user's level here: 1 member, 8 admin, 15 owner, null not a member. */
  membershipLevel: MembershipLevel;
  /** Everyone else in the organization (`member_count` counts them and the user). */
  members: FakeMember[];
  /**
   * The organization's other settings, by API field name (`is_member_join_email_enabled`,
   * `enforce_2fa`, …): every writable field of the spec's Organization schema but the ones above
   * and below that the fake acts on.
   */
  settings: Record<string, unknown>;
  /**
   * Read-only fields PostHog computes from what the fake does not model, by API field name
   * (`customer_id` from billing, `metadata` from the instance): as seeded, else a self-hosted instance's.
   */
  readOnly: Record<string, unknown>;
  /** 0 none, 3 config (Cloud's default), 6 install, 9 root. Read-only in the API. */
  pluginsAccessLevel: 0 | 3 | 6 | 9;
  /** The plan: `organizations_projects` (with its limit), `organization_invite_settings`, …; null is none. */
  availableProductFeatures: ProductFeature[] | null;
  /** Members may create projects (needs `organization_invite_settings`). */
  membersCanCreateProjects: boolean;
  /** Members may use personal API keys here (enforced with `organization_security_settings`). */
  membersCanUsePersonalApiKeys: boolean;
  /** A paid subscription: its last project cannot be deleted. */
  hasActiveSubscription: boolean;
  /** New projects start with `anonymize_ips` set to this (true for organizations on EU Cloud). */
  defaultAnonymizeIps: boolean;
}

export interface StoredProject {
  data: Project;
  /** Newest last; the activity endpoint returns only `scope: "Team"` entries, newest first. */
  activity: ActivityLogEntry[];
  /** Per product_type: how often each intent context was registered (PostHog's `contexts`). */
  intentContexts: Map<string, Record<string, number>>;
  generatingDemoData: boolean;
}

/** What `FakeDatabase.snapshot()` returns: its fields, copied. */
export type DatabaseSnapshot = Readonly<Record<string, unknown>>;

export class FakeDatabase {
  readonly organizations: FakeOrganization[] = [];
  readonly keys: FakeApiKey[] = [];
  readonly sessions: FakeSession[] = [];
  readonly stored = new Map<number, StoredProject>();
  /** Dashboards by id, with the project each belongs to (for `primary_dashboard`). */
  readonly dashboards = new Map<number, number>();
  /** Uploaded media by id, with the organization that uploaded it (for an organization's `logo_media_id`). */
  readonly uploadedMedia = new Map<string, string>();
  /** Records of the resources the fake has no module for (a newer spec's), by resource. */
  readonly records = new Map<string, ScopedRecord[]>();
  user: FakeUser = { first_name: "Hogkit", email: "hogkit@example.com" };
  /** The user's current organization (`@current`) and current project (`id=@current`). */
  currentOrganizationId = "";
  currentProjectId: number | null = null;
  nextProjectId = 1;
  nextDashboardId = 1;
  nextCohortId = 1;

  /** A deep copy of the whole state, for `restore`: what a failed write rolls back to. */
  snapshot(): DatabaseSnapshot {
    return structuredClone({ ...this }) as DatabaseSnapshot;
  }

  /** Back to a snapshot, in place: the same arrays and maps (held by callers), refilled. */
  restore(snapshot: DatabaseSnapshot): void {
    const fields = this as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(snapshot)) {
      const current = fields[key];
      if (Array.isArray(current)) current.splice(0, current.length, ...(value as unknown[]));
      else if (current instanceof Map) {
        current.clear();
        for (const [entry, item] of value as Map<unknown, unknown>) current.set(entry, item);
      } else fields[key] = value;
    }
  }

  /** Every project, full shape, in id order. These are the live records: change them to set up a test. */
  get projects(): Project[] {
    return [...this.stored.values()].map((p) => p.data);
  }

  project(id: number): Project | undefined {
    return this.stored.get(id)?.data;
  }

  /** All activity of a project, both scopes, oldest first. */
  activity(id: number): ActivityLogEntry[] {
    return [...(this.stored.get(id)?.activity ?? [])];
  }

  organization(id: string): FakeOrganization | undefined {
    return this.organizations.find((o) => o.id === id);
  }

  /** The organizations the user belongs to, in creation order. */
  memberOrganizations(): FakeOrganization[] {
    return this.organizations.filter((o) => o.membershipLevel !== null);
  }

  /** What `is_generating_demo_data` answers for a project (a demo project starts with true). */
  setGeneratingDemoData(id: number, generating: boolean): void {
    const stored = this.stored.get(id);
    if (!stored) throw new RangeError(`[hogkit fake] no project ${id}`);
    stored.generatingDemoData = generating;
  }

  /** A new dashboard of project `projectId`; its id, for `primary_dashboard`. Seeded ids are skipped. */
  addDashboard(projectId: number): number {
    let id = this.nextDashboardId++;
    while (this.dashboards.has(id)) id = this.nextDashboardId++;
    this.dashboards.set(id, projectId);
    return id;
  }
}
