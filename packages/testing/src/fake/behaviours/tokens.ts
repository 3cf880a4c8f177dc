/** reset_token, rotate_secret_token and delete_secret_token_backup (TeamMemberStrictManagementPermission). */

import { maskToken, projectApiToken, projectSecretToken } from "../../tokens.js";
import { json, permissionDenied } from "../api-error.js";
import type { Behaviour, RequestContext } from "../context.js";
import type { StoredProject } from "../database.js";
import { logActivity } from "../project-records.js";

function strictProject(context: RequestContext): StoredProject {
  const stored = context.project();
  if ((context.organization?.membershipLevel ?? 0) < 8) {
    throw permissionDenied("You don't have sufficient permissions in the project.");
  }
  return stored;
}

const touch = (context: RequestContext, stored: StoredProject) => {
  stored.data.updated_at = context.runtime.now().toISOString();
};

/** A new `phc_` api_token; the activity log keeps the full old and new values (PostHog does too). */
export const resetToken: Behaviour = (context) => {
  const stored = strictProject(context);
  const before = stored.data.api_token;
  stored.data.api_token = projectApiToken(context.runtime.factories.random);
  touch(context, stored);
  logActivity(context.runtime, stored, "updated", "Team", [
    { action: "changed", field: "api_token", before, after: stored.data.api_token },
  ]);
  return json(200, stored.data);
};

/** A new `phs_` secret; the old one becomes the backup (so it keeps working), the old backup is gone. */
export const rotateSecretToken: Behaviour = (context) => {
  const stored = strictProject(context);
  const before = stored.data.secret_api_token ?? null;
  stored.data.secret_api_token_backup = before;
  stored.data.secret_api_token = projectSecretToken(context.runtime.factories.random);
  touch(context, stored);
  logActivity(context.runtime, stored, "updated", "Team", [
    {
      action: before ? "changed" : "created",
      field: "secret_api_token",
      before: maskToken(before),
      after: maskToken(stored.data.secret_api_token),
    },
  ]);
  return json(200, stored.data);
};

export const deleteSecretTokenBackup: Behaviour = (context) => {
  const stored = strictProject(context);
  const backup = stored.data.secret_api_token_backup ?? null;
  if (backup) {
    stored.data.secret_api_token_backup = null;
    touch(context, stored);
    logActivity(context.runtime, stored, "updated", "Team", [
      { action: "deleted", field: "secret_api_token_backup", before: maskToken(backup), after: null },
    ]);
  }
  return json(200, stored.data);
};
