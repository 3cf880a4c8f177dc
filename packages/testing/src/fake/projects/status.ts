/** is_generating_demo_data and activity (posthog/api/project.py, activity_logging/activity_log.py). */
import type { components, Readable } from "@hogkit/types";
import type { Behaviour } from "../context.js";
import { json, serverError } from "../engine/api-error.js";
import { pageLink } from "../engine/pagination.js";
import { pythonInt } from "../engine/python.js";

export const isGeneratingDemoData: Behaviour = (context) =>
  json(200, { is_generating_demo_data: context.project().generatingDemoData });

/** `int(request.query_params.get(name, fallback))`: the last value; a ValueError is uncaught (500). */
function intParam(url: URL, name: string, fallback: number): number {
  const value = url.searchParams.getAll(name).at(-1);
  if (value === undefined) return fallback;
  const parsed = pythonInt(value);
  if (parsed === undefined) throw serverError();
  return Number(parsed);
}

/** `load_activity(scope="Team", …)`: Team entries only, newest first, Django Paginator pages. */
export const activity: Behaviour = (context) => {
  const limit = intParam(context.url, "limit", 10);
  const page = intParam(context.url, "page", 1);
  const stored = context.project();
  // Paginator(per_page=0) divides by zero; a page outside 1…num_pages raises EmptyPage: both uncaught.
  if (limit < 1) throw serverError();
  const entries = stored.activity.filter((entry) => entry.scope === "Team").reverse();
  const pages = Math.max(1, Math.ceil(entries.length / limit));
  if (page < 1 || page > pages) throw serverError();
  const body: Readable<components["schemas"]["ActivityLogPage"]> = {
    results: entries.slice((page - 1) * limit, page * limit),
    next: page < pages ? pageLink(context.url, page + 1, limit) : null,
    previous: page > 1 ? pageLink(context.url, page - 1, limit) : null,
    total_count: entries.length,
  };
  return json(200, body);
};
