/**
 * PostHog's activity log, entry by entry as `log_activity` writes it and ActivityLogSerializer
 * returns it: `{id, user{first_name,email}, activity, scope, item_id, detail{name, short_id, type,
 * changes, trigger}, created_at}`, changes as `dict_changes_between` computes them (created /
 * deleted / changed, Python equality, the Team exclusions). An `updated` entry without changes is
 * not written. Sources: posthog/models/activity_logging/activity_log.py, serializers.py,
 * posthog/models/team/team.py (token changes).
 */
import type { components, Readable } from "@hogkit/types";
import type { EngineRuntime } from "./context.js";
import { drfDateTime, pythonEqual } from "./python.js";

export type ActivityLogEntry = Readable<components["schemas"]["ActivityLogEntry"]>;
export type Change = Readable<components["schemas"]["ActivityLogChange"]>;
type Scope = "Team" | "Project" | "Survey";

export interface ActivityInput {
  scope: Scope;
  activity: string;
  name: string | null;
  changes: Change[] | null;
  itemId: string;
}

/** One entry onto a record's log (newest last). */
export function appendActivity(runtime: EngineRuntime, log: ActivityLogEntry[], entry: ActivityInput): void {
  if (entry.activity === "updated" && !entry.changes?.length) return;
  const record = {
    id: runtime.factories.random.uuid(),
    user: { first_name: runtime.db.user.first_name, email: runtime.db.user.email },
    activity: entry.activity,
    scope: entry.scope,
    item_id: entry.itemId,
    detail: { name: entry.name, short_id: null, type: null, changes: entry.changes, trigger: null },
    created_at: drfDateTime(runtime.now()),
  };
  log.push(record as unknown as ActivityLogEntry);
}

/** `dict_changes_between(type, before, after)` over the given fields (already filtered for exclusions). */
export function changesBetween(
  type: Scope,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: Iterable<string>,
  names: Record<string, string> = {},
): Change[] {
  const changes: Change[] = [];
  for (const field of fields) {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    const name = names[field] ?? field;
    if (was === null && now !== null) changes.push({ type, action: "created", field: name, before: null, after: now });
    else if (now === null && was !== null)
      changes.push({ type, action: "deleted", field: name, before: was, after: null });
    else if (!pythonEqual(was, now)) changes.push({ type, action: "changed", field: name, before: was, after: now });
  }
  return changes;
}

/** `mask_key_value`: the first and last four characters, as tokens appear in the log. */
export const maskToken = (token: string) => `${token.slice(0, 4)}...${token.slice(-4)}`;
