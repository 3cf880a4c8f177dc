/**
 * Path parameters are checked before any request and always encoded, so that no value can leave
 * its path segment (`../x`, `1/../../users`, `%2e%2e`) or reach PostHog in a form it would misread.
 */
import type { PathParam } from "./operation.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSITIVE_INTEGER = /^[1-9][0-9]*$/;

/** The encoded path segment for a parameter, or a TypeError that says what was expected. */
export function pathSegment(param: PathParam, value: unknown, operation: string): string {
  if (param.kind === "integer") {
    // Numbers are the fast path; numeric strings (route params, form fields) are accepted too.
    if (typeof value === "number" ? Number.isSafeInteger(value) && value > 0 : isIntegerString(value)) {
      return String(value);
    }
    throw invalid(operation, param.name, value, "a positive integer (a project id such as 12345)");
  }
  if (param.kind === "organization") return organizationSegment(value, operation);
  if (typeof value === "string" && value !== "") {
    // encodeURIComponent leaves dots alone, and a segment of only dots would be resolved away.
    return /^\.+$/.test(value) ? value.replace(/\./g, "%2E") : encodeURIComponent(value);
  }
  if (typeof value === "number" && Number.isFinite(value)) return encodeURIComponent(String(value));
  throw invalid(operation, param.name, value, "a non-empty string");
}

export function organizationSegment(value: unknown, operation: string): string {
  // Both forms hold only characters that are safe in a path segment ("@" included), so they go as they are.
  if (typeof value === "string" && (value === "@current" || UUID.test(value))) return value;
  throw invalid(operation, "organization_id", value, 'an organization UUID or "@current"');
}

function isIntegerString(value: unknown): boolean {
  return typeof value === "string" && POSITIVE_INTEGER.test(value) && Number.isSafeInteger(Number(value));
}

function invalid(operation: string, name: string, value: unknown, expected: string): TypeError {
  return new TypeError(`${operation}: ${name} must be ${expected}; got ${show(value)}. No request was sent.`);
}

/** Shows a bad value without letting a long or secret-looking string through whole. */
function show(value: unknown): string {
  if (typeof value === "string") {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return /ph[xsar]_/.test(value) ? "a string that looks like a secret token" : shown;
  }
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  return typeof value;
}
