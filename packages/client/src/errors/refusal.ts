/**
 * Which of PostHog's refusals a 403 is, read from PostHog's own message (posthog/permissions.py,
 * posthog/api/organization.py, posthog/api/project.py), and what to do about it. "Which key works
 * where" is the pain users report most: each kind says the fix in one sentence. Every request's
 * bundle carries this, so the words are few.
 */

/**
 * - `missing_scope`: the key lacks a scope (`missingScope` names it) or an OAuth token has none;
 * - `session_only`: the action accepts only a logged-in session, never a personal API key;
 * - `project_scoped_key`: a key limited to projects, on an organization route (every route under
 *   `/api/organizations/`, this API's included);
 * - `key_not_allowed`: a key limited to other organizations or projects, or an organization that
 *   does not let members use personal API keys;
 * - `role_required`: the user's role is too low (an admin, or the owner, may do it).
 */
export type Refusal = "missing_scope" | "session_only" | "project_scoped_key" | "key_not_allowed" | "role_required";

export interface RefusalReading {
  reason: Refusal;
  /** The scope PostHog named, for `missing_scope`. */
  missingScope?: string | undefined;
  /** What to do, without PostHog's message (which the error carries too). */
  advice: string;
}

const SESSION_ONLY =
  "PostHog does not accept personal API keys for this action. Only a logged-in PostHog session (the browser's session cookie, e.g. forwarded by a same-origin proxy) may call it.";

/** PostHog's message → the kind, and what to say (`$1`, `$2`: what the message named). First match wins. */
const KINDS: Array<[RegExp, Refusal, string]> = [
  [/^This action does not support personal API key access/, "session_only", SESSION_ONLY],
  [/missing required scope '([^']+)'/, "missing_scope", "Give the personal API key the '$1' scope"],
  [/^OAuth token has no scopes/, "missing_scope", "Authorize the app again with the scopes it needs"],
  [
    /^API keys with scoped projects/,
    "project_scoped_key",
    "A project-scoped key works only on /api/projects/<id>/: use one with organization access",
  ],
  [
    /^API key does not have access to the requested (\w+): ID (\S+?)\.?$/,
    "key_not_allowed",
    "Use a key that includes $1 $2",
  ],
  [
    /^Organization '.*' does not allow using personal API keys/,
    "key_not_allowed",
    "An admin can allow members' keys in the organization's security settings",
  ],
  [
    /insufficient|sufficient permissions|be an organization admin|Only project admins|admin access/,
    "role_required",
    "An organization admin (or the owner) can do it",
  ],
];

/** The kind of a 403 from PostHog's `detail`, or undefined for one that is none of these (a plan limit). */
export function readRefusal(detail = "", sessionOnly = false): RefusalReading | undefined {
  if (sessionOnly) return { reason: "session_only", advice: SESSION_ONLY };
  for (const [pattern, reason, advice] of KINDS) {
    const match = pattern.exec(detail);
    if (match) {
      // The advice is a replacement pattern over the part of the message that matched.
      return {
        reason,
        missingScope: reason === "missing_scope" ? match[1] : undefined,
        advice: match[0].replace(pattern, advice),
      };
    }
  }
  return undefined;
}
