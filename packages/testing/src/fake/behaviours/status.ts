/** is_generating_demo_data and activity. */
import type { components, Readable } from "@hogkit/types";
import { json, serverError } from "../api-error.js";
import type { Behaviour } from "../context.js";
import { pageLink } from "./pagination.js";

export const isGeneratingDemoData: Behaviour = (context) =>
  json(200, { is_generating_demo_data: context.project().generatingDemoData });

/** Django's int(): anything else raises ValueError, which PostHog does not catch. */
function intParam(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) throw serverError();
  return Number.parseInt(value, 10);
}

/** `load_activity(scope="Team", …)`: Team entries only, newest first, Django Paginator pages. */
export const activity: Behaviour = (context) => {
  const stored = context.project();
  const limit = intParam(context.url.searchParams.get("limit"), 10);
  const page = intParam(context.url.searchParams.get("page"), 1);
  if (limit < 1) throw serverError();
  const entries = stored.activity.filter((entry) => entry.scope === "Team").reverse();
  const pages = Math.max(1, Math.ceil(entries.length / limit));
  // Paginator.page() raises EmptyPage (uncaught) outside 1…pages.
  if (page < 1 || page > pages) throw serverError();
  const body: Readable<components["schemas"]["ActivityLogPage"]> = {
    results: entries.slice((page - 1) * limit, page * limit),
    next: page < pages ? pageLink(context.url, page + 1, limit) : null,
    previous: page > 1 ? pageLink(context.url, page - 1, limit) : null,
    total_count: entries.length,
  };
  return json(200, body);
};
