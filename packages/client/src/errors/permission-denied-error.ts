import { defineName, PostHogApiError } from "./posthog-api-error.js";
import type { Refusal } from "./refusal.js";

/**
 * 403: the credentials may not do this. `reason` says which of PostHog's refusals it is (the
 * message says what to do about it): `missing_scope` (`missingScope` names the scope),
 * `session_only` (only a logged-in session may call the action; `sessionOnly` is true),
 * `project_scoped_key` (a key limited to projects, on an organization route), `key_not_allowed`
 * (a key limited to other organizations or projects, or an organization that refuses members'
 * keys), `role_required` (an admin or the owner may do it); undefined for another 403, such as a
 * plan limit.
 */
export class PermissionDeniedError extends PostHogApiError {
  declare readonly reason: Refusal | undefined;
  declare readonly missingScope: string | undefined;
  declare readonly sessionOnly: boolean;
}
defineName(PermissionDeniedError, "PermissionDeniedError");
