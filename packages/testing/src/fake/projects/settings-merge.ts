/**
 * How ProjectBackwardCompatSerializer.update combines a PATCH with the stored settings: most fields
 * are replaced, but `survey_config` and `modifiers` are merged key by key, and `session_replay_config`
 * one level deep (a nested dict merges, anything else replaces). Null still clears each of them.
 * Source: posthog/api/project.py (update).
 */
const isDict = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function mergeSettings(
  current: Record<string, unknown>,
  attrs: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...attrs };
  if ("survey_config" in out && isDict(current.survey_config) && isDict(out.survey_config)) {
    out.survey_config = { ...current.survey_config, ...out.survey_config };
  }
  if ("session_replay_config" in out && isDict(out.session_replay_config) && isDict(current.session_replay_config)) {
    const existing = current.session_replay_config;
    const incoming: Record<string, unknown> = { ...out.session_replay_config };
    for (const [key, value] of Object.entries(incoming)) {
      const before = existing[key];
      if (key in existing && isDict(before) && isDict(value)) incoming[key] = { ...before, ...value };
    }
    out.session_replay_config = { ...existing, ...incoming };
  }
  if ("modifiers" in out && isDict(out.modifiers)) {
    out.modifiers = { ...(isDict(current.modifiers) ? current.modifiers : {}), ...out.modifiers };
  }
  return out;
}
