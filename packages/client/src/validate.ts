/**
 * Path parameters are checked before any request and always encoded, so that no value can leave
 * its path segment (`../x`, `1/../../users`, `%2e%2e`) or reach PostHog in a form it would misread.
 */

/** The encoded path segment for a parameter, or a TypeError that says what was expected. */
export function pathSegment(operation: string, name: string, value: unknown, integer: boolean): string {
  // The common case first: a project id as a number.
  if (integer && typeof value === "number" && value > 0 && Number.isSafeInteger(value)) return `${value}`;
  const kind = typeof value;
  const text = String(value);
  if (integer) {
    // Numbers and numeric strings (route params, form fields), nothing that merely prints as one.
    if (/^[1-9]\d*$/.test(text) && Number.isSafeInteger(+text) && /^[ns]/.test(kind)) return text;
    throw misuse(operation, name, value, "a positive integer (a project id such as 12345)");
  }
  if (kind === "string" ? text : kind === "number" && Number.isFinite(value)) {
    // encodeURIComponent leaves dots alone, and a segment of only dots would be resolved away; "@" is
    // safe in a path segment and stays readable (`/api/organizations/@current/`).
    return /^\.+$/.test(text) ? text.replace(/\./g, "%2E") : encodeURIComponent(text).replace(/%40/g, "@");
  }
  throw misuse(operation, name, value, "a non-empty string");
}

/** Both forms hold only characters that are safe in a path segment ("@" included), so they go as they are. */
export function organizationSegment(value: unknown, operation: string): string {
  if (value === "@current" || /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i.test(value as string)) return value as string;
  throw misuse(operation, "organization_id", value, 'an organization UUID or "@current"');
}

function misuse(operation: string, name: string, value: unknown, expected: string): TypeError {
  // Numbers, booleans, bigints, null and undefined as they are; objects and functions by their kind;
  // strings quoted and cut short, unless they look like a secret token.
  const shown =
    typeof value !== "string"
      ? value == null || /^[nbu]/.test(typeof value)
        ? String(value)
        : typeof value
      : /ph[xsar]_/.test(value)
        ? "a string that looks like a secret token"
        : JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return new TypeError(`${operation}: ${name} must be ${expected}; got ${shown}. No request was sent.`);
}
