/** The credentials the fake accepts and the one user they belong to: what authentication reads. */

/** `personal`: a personal API key (`phx_`); `oauth`: an OAuth access token (`pha_`). Same scope rules. */
export type ApiKeyKind = "personal" | "oauth";

export interface FakeApiKey {
  /** The token sent as `Authorization: Bearer …`. */
  key: string;
  kind: ApiKeyKind;
  /** PostHog scopes (`project:read`, `project:write`, `*`). `:write` implies `:read`. */
  scopes: string[];
  /** When not empty, the key works only in these organizations (`scoped_organizations`). */
  scopedOrganizations: string[];
  /** When not empty, the key works only on these projects (`scoped_teams`). */
  scopedTeams: number[];
}

export interface FakeSession {
  /** The `sessionid` cookie value. */
  id: string;
  /** A ready-to-send `Cookie` header value: `sessionid=…`. */
  cookie: string;
}

/** The one user every credential belongs to, as activity entries show them. */
export interface FakeUser {
  first_name: string;
  email: string;
}

export interface Credentials {
  readonly keys: FakeApiKey[];
  readonly sessions: FakeSession[];
}
