/**
 * Path templates of the operation table → matchers, as PostHog's router builds them: the trailing
 * slash is optional (DefaultRouterPlusPlus) and a path parameter is one segment without `.` (DRF's
 * default lookup regex), matched on the decoded path as Django does. A new operation is a new route.
 */
import type { OperationInfo } from "@hogkit/types";

export interface CompiledRoute {
  row: OperationInfo;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  row: OperationInfo;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

/**
 * Routes are tried literal-first, as Django's router lists a viewset's `@action(detail=False)` routes
 * before the `{id}` route: `/projects/all/` is the `all` action, not project "all".
 */
export function compileRoutes(rows: readonly OperationInfo[]): CompiledRoute[] {
  return [...rows]
    .sort((a, b) => specificity(b.path) - specificity(a.path))
    .map((row) => {
      const names: string[] = [];
      const source = row.path
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = part.match(/^\{([^}]+)\}$/)?.[1];
          if (name) {
            names.push(name);
            return "([^/.]+)";
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("");
      return { row, names, pattern: new RegExp(`^${source.replace(/\/$/, "")}/?$`) };
    });
}

/** `null` when no path matches; `{ allowed }` when the path exists but not for this method (405). */
export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  pathname: string,
): RouteMatch | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    for (const [i, name] of route.names.entries()) params[name] = safeDecode(found[i + 1] as string);
    // Django resolves the decoded path: an encoded `/` or `.` does not stay inside the segment, so
    // the route does not exist for any method (404, never a 405 naming the methods it has).
    if (Object.values(params).some((value) => /[/.]/.test(value))) continue;
    if (route.row.httpMethod !== method) {
      allowed.push(route.row.httpMethod);
      continue;
    }
    return { row: route.row, params };
  }
  return allowed.length ? { allowed } : null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The literal prefixes of all paths (`/api/organizations/`), so MSW intercepts only the API's URLs. */
export function pathPrefixes(rows: readonly OperationInfo[]): string[] {
  return [...new Set(rows.map((row) => row.path.split("{")[0] as string))].sort();
}

/** More literal segments, and literals earlier, rank first. */
function specificity(path: string): number {
  return path
    .split("/")
    .filter(Boolean)
    .reduce((score, segment, i) => score + (/^\{.*\}$/.test(segment) ? 0 : 2 ** (16 - Math.min(i, 16))), 0);
}
