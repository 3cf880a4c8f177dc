/**
 * The operations the proxy forwards, compiled from the generated operation table: each is its HTTP
 * method plus its path template split into segments. A request path matches only segment for
 * segment, and each parameter must be a value the client itself would send (a positive integer id,
 * an organization UUID or `@current`, a plain string), so the path sent upstream is always built
 * from the template, never copied from the browser.
 */
import type { OperationInfo } from "@hogkit/types";

export interface ProxyOperation {
  /** `projects.list`: the resource and method name, as `@hogkit/client` names them. */
  readonly name: string;
  readonly operationId: string;
  readonly httpMethod: string;
  /** The path template, e.g. `/api/organizations/{organization_id}/projects/{id}/`. */
  readonly path: string;
  /** Scopes a personal API key needs; null for the operations PostHog allows only to a logged-in session. */
  readonly scopes: readonly string[] | null;
  /** True when PostHog answers with a page whose `next`/`previous` links must point at the proxy. */
  readonly paginated: boolean;
  readonly queryParams: readonly string[];
  readonly hasBody: boolean;
}

type Segment = { literal: string } | { param: string; kind: "integer" | "organization" | "string" };

interface Route {
  operation: ProxyOperation;
  segments: Segment[];
}

export interface RouteMatch {
  operation: ProxyOperation;
  /** The upstream path, built from the template with each parameter re-encoded. */
  path: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSITIVE_INTEGER = /^[1-9][0-9]{0,15}$/;
// Anything that could end a segment, start a new one or confuse a server's path parser.
const UNSAFE_DECODED = /[/\\?#]/;
const hasControlCharacter = (value: string) =>
  [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export function operationName(row: Pick<OperationInfo, "resource" | "method">): string {
  return `${row.resource}.${row.method}`;
}

export function compileRoutes(table: readonly OperationInfo[]): Route[] {
  return table.map((row) => ({
    operation: {
      name: operationName(row),
      operationId: row.operationId,
      httpMethod: row.httpMethod.toUpperCase(),
      path: row.path,
      scopes: row.scopes,
      paginated: row.pagination !== null,
      queryParams: row.queryParams.map((p) => p.name),
      hasBody: row.body !== null,
    },
    segments: (splitPath(row.path) ?? []).map((part): Segment => {
      const param = part.match(/^\{(.+)\}$/)?.[1];
      if (!param) return { literal: part };
      const type = row.pathParams.find((p) => p.name === param)?.type;
      return { param, kind: param === "organization_id" ? "organization" : type === "integer" ? "integer" : "string" };
    }),
  }));
}

/**
 * The operation a request is for, or null. `path` is the request path after the proxy's base path,
 * still percent-encoded; a missing final slash is accepted (frameworks that strip it) since the
 * upstream path comes from the template.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | null {
  const parts = splitPath(path);
  if (!parts) return null;
  for (const route of routes) {
    if (route.operation.httpMethod !== method || route.segments.length !== parts.length) continue;
    const built: string[] = [];
    for (const [i, segment] of route.segments.entries()) {
      const value = segmentValue(segment, parts[i] as string);
      if (value === null) break;
      built.push(value);
    }
    if (built.length === parts.length) return { operation: route.operation, path: `/${built.join("/")}/` };
  }
  return null;
}

/** `/a/b/` → `["a", "b"]`; null for an empty segment (`//`), which no operation has. */
function splitPath(path: string): string[] | null {
  if (!path.startsWith("/")) return null;
  const parts = path.slice(1).replace(/\/$/, "").split("/");
  return parts.some((part) => part === "") ? null : parts;
}

/** The segment to send upstream for one request segment, or null when it does not fit. */
function segmentValue(segment: Segment, raw: string): string | null {
  if ("literal" in segment) return raw === segment.literal ? raw : null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (segment.kind === "integer") return POSITIVE_INTEGER.test(value) ? value : null;
  if (segment.kind === "organization") return value === "@current" || UUID.test(value) ? value : null;
  if (value === "" || /^\.+$/.test(value) || UNSAFE_DECODED.test(value) || hasControlCharacter(value)) return null;
  return encodeURIComponent(value);
}
