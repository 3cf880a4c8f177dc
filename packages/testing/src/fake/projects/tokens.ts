/**
 * reset_token, rotate_secret_token and delete_secret_token_backup: Team.reset_token_and_save,
 * rotate_secret_token_and_save and delete_secret_token_backup_and_save, with the activity entries
 * they write (the api_token in full, secret tokens masked). Sources: posthog/api/project.py,
 * posthog/api/team.py (validate_secret_token_generation), posthog/models/team/team.py.
 */
import { projectApiToken, projectSecretToken } from "../../tokens.js";
import type { Behaviour, RequestContext } from "../context.js";
import type { StoredProject } from "../database.js";
import { maskToken } from "../engine/activity.js";
import { json, validationError } from "../engine/api-error.js";
import { drfDateTime } from "../engine/python.js";
import { logActivity, projectView } from "./records.js";

const save = (context: RequestContext, stored: StoredProject) => {
  stored.data.updated_at = drfDateTime(context.runtime.now());
};

export const resetToken: Behaviour = (context) => {
  const stored = context.project();
  const before = stored.data.api_token;
  stored.data.api_token = projectApiToken(context.runtime.factories.random);
  save(context, stored);
  logActivity(context.runtime, stored, {
    scope: "Team",
    activity: "updated",
    name: stored.data.name ?? null,
    changes: [{ type: "Team", action: "changed", field: "api_token", before, after: stored.data.api_token }],
  });
  return json(200, projectView(context.runtime, stored));
};

export const rotateSecretToken: Behaviour = (context) => {
  const stored = context.project();
  const old = stored.data.secret_api_token ?? null;
  const expired = stored.data.secret_api_token_backup ?? null;
  // With project secret API keys available, a first legacy secret token is no longer minted.
  if (!old && !expired && context.runtime.featureFlags.has("project-secret-api-keys")) {
    throw validationError(
      "The feature flags secure API key is deprecated. Create a project secret API key with the feature_flag:read scope instead.",
    );
  }
  const fresh = projectSecretToken(context.runtime.factories.random);
  stored.data.secret_api_token = fresh;
  stored.data.secret_api_token_backup = old;
  save(context, stored);
  const before: Record<string, string | null> = { secret_api_token: old ? maskToken(old) : null };
  const after: Record<string, string | null> = { secret_api_token: maskToken(fresh) };
  if (old) {
    before.secret_api_token_backup = expired ? maskToken(expired) : null;
    after.secret_api_token_backup = maskToken(old);
  }
  logActivity(context.runtime, stored, {
    scope: "Team",
    activity: "updated",
    name: stored.data.name ?? null,
    changes: [{ type: "Team", action: old ? "changed" : "created", field: "secret_api_token", before, after }],
  });
  return json(200, projectView(context.runtime, stored));
};

export const deleteSecretTokenBackup: Behaviour = (context) => {
  const stored = context.project();
  const backup = stored.data.secret_api_token_backup ?? null;
  if (backup) {
    stored.data.secret_api_token_backup = null;
    save(context, stored);
    logActivity(context.runtime, stored, {
      scope: "Team",
      activity: "updated",
      name: stored.data.name ?? null,
      changes: [
        { type: "Team", action: "deleted", field: "secret_api_token_backup", before: maskToken(backup), after: null },
      ],
    });
  }
  return json(200, projectView(context.runtime, stored));
};
