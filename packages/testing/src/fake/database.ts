/**
 * The fake's in-memory state: organizations, projects (stored in the full `ProjectBackwardCompat`
 * shape the API returns), their activity and product intents, and the credentials it accepts.
 * One instance per fake; nothing is shared between fakes.
 */
import type { components, Readable } from "@hogkit/types";

export type Project = Readable<components["schemas"]["ProjectBackwardCompat"]>;
export type ActivityLogEntry = Readable<components["schemas"]["ActivityLogEntry"]>;

/** Membership of the fake's user: 1 member, 8 admin, 15 owner, null not a member. */
export type MembershipLevel = 1 | 8 | 15 | null;

export interface FakeOrganization {
  id: string;
  name: string;
  membershipLevel: MembershipLevel;
}

export interface FakeApiKey {
  /** The `phx_…` value sent as `Authorization: Bearer …`. */
  key: string;
  /** PostHog scopes (`project:read`, `project:write`, `*`). `:write` implies `:read`. */
  scopes: string[];
}

export interface FakeSession {
  /** The `sessionid` cookie value. */
  id: string;
  /** A ready-to-send `Cookie` header value: `sessionid=…`. */
  cookie: string;
}

export interface StoredProject {
  data: Project;
  /** Newest last; the activity endpoint returns only `scope: "Team"` entries, newest first. */
  activity: ActivityLogEntry[];
  /** Per product_type: how often each intent context was registered (PostHog's `contexts`). */
  intentContexts: Map<string, Record<string, number>>;
  generatingDemoData: boolean;
}

export class FakeDatabase {
  readonly organizations: FakeOrganization[] = [];
  readonly keys: FakeApiKey[] = [];
  readonly sessions: FakeSession[] = [];
  readonly stored = new Map<number, StoredProject>();
  /** The user's current organization (`@current`) and current project (`id=@current`). */
  currentOrganizationId = "";
  currentProjectId: number | null = null;
  nextProjectId = 1;

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

  /** What `is_generating_demo_data` answers for a project. */
  setGeneratingDemoData(id: number, generating: boolean): void {
    const stored = this.stored.get(id);
    if (!stored) throw new RangeError(`[hogkit fake] no project ${id}`);
    stored.generatingDemoData = generating;
  }
}
