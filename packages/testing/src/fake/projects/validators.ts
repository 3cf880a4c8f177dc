/**
 * The `validate_<field>` methods of PostHog's ProjectBackwardCompatSerializer (most of them
 * delegate to TeamSerializer's), with PostHog's messages. Each receives the value DRF's field
 * produced and returns the value to store, or raises a FieldFailure. Sources: posthog/api/project.py,
 * posthog/api/team.py, posthog/api/utils.py (validate_authorized_url_wildcards).
 */
import { type ErrorTree, FieldFailure, fail } from "../engine/drf-fields.js";
import { pythonTruthy } from "../engine/python.js";

type Validator = (value: unknown) => unknown;

const isDict = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** validate_authorized_url_wildcards: at most five `*` per URL. */
function checkWildcards(urls: string[]): void {
  if (urls.some((url) => (url.match(/\*/g) ?? []).length > 5)) {
    fail("Each URL can include up to 5 wildcards. Remove the extra ones from this entry.");
  }
}

/** `[url for url in value if url]`: nulls (and empty strings) are dropped from the list. */
const withoutEmpty = (value: unknown) => (value as unknown[]).filter((item) => Boolean(item)) as string[];

const LINKED_FLAG_KEYS = [
  ["id", "key"],
  ["id", "key", "variant"],
];

function linkedFlag(value: unknown): unknown {
  if (value === null) return null;
  if (!isDict(value)) return fail("Must provide a dictionary or None.");
  const keys = Object.keys(value).sort().join(",");
  if (!LINKED_FLAG_KEYS.some((valid) => [...valid].sort().join(",") === keys)) {
    fail("Must provide a dictionary with only 'id' and 'key' keys. _or_ only 'id', 'key', and 'variant' keys.");
  }
  const id = value.id;
  // A numeric string is normalised to an int; bools and floats are refused.
  if (typeof id === "number" && Number.isInteger(id)) return { ...value, id };
  if (typeof id === "string" && /^\s*[+-]?\d+(?:_\d+)*\s*$/u.test(id)) {
    return { ...value, id: Number(id.trim().replaceAll("_", "")) };
  }
  return fail("Must provide an integer 'id'.");
}

function networkPayloadCaptureConfig(value: unknown): unknown {
  if (value === null) return null;
  if (!isDict(value)) return fail("Must provide a dictionary or None.");
  if (!Object.keys(value).every((key) => key === "recordHeaders" || key === "recordBody")) {
    fail("Must provide a dictionary with only 'recordHeaders' and/or 'recordBody' keys.");
  }
  return value;
}

const MASKING_KEYS = ["maskAllInputs", "maskTextSelector", "blockSelector"];

function maskingConfig(value: unknown): unknown {
  if (value === null) return null;
  if (!isDict(value)) return fail("Must provide a dictionary or None.");
  if (!Object.keys(value).every((key) => MASKING_KEYS.includes(key))) {
    // Python prints a set here; its order is not fixed, the fake uses the declaration order.
    fail(`Must provide a dictionary with only known keys: ${MASKING_KEYS.join(", ")}.`);
  }
  if ("maskAllInputs" in value && typeof value.maskAllInputs !== "boolean") fail("maskAllInputs must be a boolean.");
  if ("maskTextSelector" in value && typeof value.maskTextSelector !== "string") {
    fail("maskTextSelector must be a string.");
  }
  if ("blockSelector" in value && typeof value.blockSelector !== "string") fail("blockSelector must be a string.");
  return value;
}

const AI_CONFIG_KEYS = [
  "included_event_properties",
  "opt_in",
  "preferred_events",
  "excluded_events",
  "important_user_properties",
];

function sessionReplayConfig(value: unknown): unknown {
  if (value === null) return null;
  if (!isDict(value)) return fail("Must provide a dictionary or None.");
  const known = ["record_canvas", "ai_config"];
  if (!Object.keys(value).every((key) => known.includes(key))) {
    fail(`Must provide a dictionary with only known keys. One or more of ${known.join(", ")}.`);
  }
  const ai = value.ai_config;
  if (ai !== undefined && ai !== null) {
    if (!isDict(ai)) fail("Must provide a dictionary or None.");
    if (!Object.keys(ai as object).every((key) => AI_CONFIG_KEYS.includes(key))) {
      fail(`Must provide a dictionary with only allowed keys: ${AI_CONFIG_KEYS.join(", ")}.`);
    }
  }
  return value;
}

/** HogQLQueryModifiers (posthog/schema.py, extra="forbid"): its keys, and the enum-valued ones' values. */
const MODIFIER_KEYS: Record<string, "bool" | "number" | "list" | readonly string[] | "any"> = {
  bounceRateDurationSeconds: "number",
  bounceRatePageViewMode: ["count_pageviews", "uniq_urls", "uniq_page_screen_autocaptures"],
  convertToProjectTimezone: "bool",
  customChannelTypeRules: "list",
  dataWarehouseEventsModifiers: "list",
  debug: "bool",
  formatCsvAllowDoubleQuotes: "bool",
  inCohortVia: ["auto", "leftjoin", "subquery", "leftjoin_conjoined"],
  materializationMode: ["auto", "legacy_null_as_string", "legacy_null_as_null", "disabled"],
  optimizeJoinedFilters: "bool",
  personsArgMaxVersion: ["auto", "v1", "v2"],
  personsJoinMode: ["inner", "left"],
  personsOnEventsMode: [
    "disabled",
    "person_id_no_override_properties_on_events",
    "person_id_override_properties_on_events",
    "person_id_override_properties_joined",
  ],
  propertyGroupsMode: ["enabled", "disabled", "optimized"],
  s3TableUseInvalidColumns: "bool",
  sessionTableVersion: ["auto", "v1", "v2", "v3"],
  sessionsV2JoinMode: ["string", "uuid"],
  useMaterializedViews: "bool",
  usePresortedEventsTable: "bool",
  useWebAnalyticsPreAggregatedTables: "bool",
};

function modifiers(value: unknown): unknown {
  if (value === null) return null;
  if (!isDict(value)) return fail("Must provide a dictionary or None.");
  if ("bounceRateDurationSeconds" in value) {
    const rate = value.bounceRateDurationSeconds;
    if (rate !== null) {
      // isinstance(x, (int, float)) is true of bools in Python.
      const number = typeof rate === "boolean" ? Number(rate) : rate;
      if (typeof number !== "number") {
        throw new FieldFailure({ bounceRateDurationSeconds: { detail: "Must be a number.", code: "invalid" } });
      }
      if (number < 1 || number > 120) {
        throw new FieldFailure({
          bounceRateDurationSeconds: { detail: "Must be between 1 and 120 seconds.", code: "invalid" },
        });
      }
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const kind = Object.hasOwn(MODIFIER_KEYS, key) ? MODIFIER_KEYS[key] : undefined;
    const valid =
      kind !== undefined &&
      (item === null ||
        kind === "any" ||
        (kind === "bool" && (typeof item === "boolean" || item === 0 || item === 1)) ||
        (kind === "number" && typeof item === "number") ||
        (kind === "list" && Array.isArray(item)) ||
        (Array.isArray(kind) && kind.includes(item as string)));
    if (!valid) fail("Invalid modifier key.");
  }
  return value;
}

/** PostHog's property filter types and operators (posthog/schema.py), for test_account_filters. */
const FILTER_TYPES = new Set([
  "event",
  "event_metadata",
  "person",
  "element",
  "session",
  "cohort",
  "recording",
  "log_entry",
  "group",
  "feature",
  "flag",
  "hogql",
  "data_warehouse",
  "data_warehouse_person_property",
  "error_tracking_issue",
  "log",
  "log_attribute",
  "log_resource_attribute",
  "revenue_analytics",
  "workflow_variable",
]);
const OPERATORS = new Set([
  "exact",
  "is_not",
  "icontains",
  "not_icontains",
  "regex",
  "not_regex",
  "gt",
  "gte",
  "lt",
  "lte",
  "is_set",
  "is_not_set",
  "is_date_exact",
  "is_date_before",
  "is_date_after",
  "between",
  "not_between",
  "min",
  "max",
  "in",
  "not_in",
  "is_cleaned_path_exact",
  "flag_evaluates_to",
  "semver_eq",
  "semver_neq",
  "semver_gt",
  "semver_gte",
  "semver_lt",
  "semver_lte",
  "semver_tilde",
  "semver_caret",
  "semver_wildcard",
]);

/** `TypeAdapter(list[AnyPropertyFilter]).validate_python(value)`, approximated by shape. */
function testAccountFilters(value: unknown): unknown {
  const problem = (() => {
    if (!Array.isArray(value)) return "Input should be a valid list";
    for (const [index, filter] of value.entries()) {
      if (!isDict(filter)) return `${index}: Input should be a valid dictionary`;
      const type = filter.type ?? "event";
      if (typeof type !== "string" || !FILTER_TYPES.has(type))
        return `${index}: Input tag '${String(type)}' found using 'type' does not match any of the expected tags`;
      if (typeof filter.key !== "string" && type !== "hogql") return `${index}.${type}.key: Field required`;
      if (filter.operator !== undefined && filter.operator !== null && !OPERATORS.has(filter.operator as string)) {
        return `${index}.${type}.operator: Input should be a valid PropertyOperator`;
      }
      if (type === "cohort" && typeof filter.value !== "number" && !/^\d+$/.test(String(filter.value))) {
        return `${index}.cohort.value: Input should be a valid integer`;
      }
    }
    return undefined;
  })();
  if (problem) fail(`Must provide an array of valid property filters. 1 validation error for list[...]\n${problem}`);
  return value;
}

/** RE2 (what ClickHouse runs path cleaning with) has no lookaround and no back-references. */
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]/;

function pathCleaningFilters(value: unknown): unknown {
  if (!pythonTruthy(value)) return value;
  if (!Array.isArray(value)) return fail("Must provide a list of path cleaning rules.");
  for (const rule of value) {
    if (!isDict(rule)) continue;
    const { regex, alias } = rule;
    if (typeof regex !== "string" || !regex)
      fail("A path cleaning rule needs a regex. Remove the rule or give it one.");
    let groups = 0;
    try {
      if (NOT_RE2.test(regex as string)) throw new SyntaxError("invalid perl operator");
      groups = new RegExp(`${regex as string}|`).exec("")?.length ?? 1;
      groups -= 1;
    } catch (error) {
      fail(`Invalid path cleaning regex '${regex as string}': ${(error as Error).message}`);
    }
    if (!alias || typeof alias !== "string") continue;
    for (const ref of aliasBackreferences(alias)) {
      if (ref > groups) {
        fail(
          `The alias '${alias}' references capture group \\${ref}, but its regex has ${groups} capture group(s). ` +
            "Add the group to the regex or fix the reference.",
        );
      }
    }
  }
  return value;
}

function aliasBackreferences(alias: string): number[] {
  const refs: number[] = [];
  for (let i = 0; i < alias.length; i++) {
    if (alias[i] !== "\\" || i + 1 >= alias.length) continue;
    const next = alias[i + 1] as string;
    if (next === "\\") i++;
    else if (next >= "0" && next <= "9") {
      refs.push(Number(next));
      i++;
    }
  }
  return refs;
}

function accessControl(value: unknown): unknown {
  if (value !== null) {
    fail(
      "The 'access_control' field has been deprecated and is no longer supported. Please use the new access control " +
        "system instead. For more information, visit: https://posthog.com/docs/settings/access-control",
    );
  }
  return null;
}

/** validate_<field> by field name. `name` is handled by the serializer (it raises 409, not 400). */
export const FIELD_VALIDATORS: Record<string, Validator> = {
  app_urls: (value) => {
    if (value === null) return null;
    const urls = withoutEmpty(value);
    checkWildcards(urls);
    return urls;
  },
  recording_domains: (value) => (value === null ? null : withoutEmpty(value)),
  access_control: accessControl,
  session_recording_linked_flag: linkedFlag,
  session_recording_network_payload_capture_config: networkPayloadCaptureConfig,
  session_recording_masking_config: maskingConfig,
  session_replay_config: sessionReplayConfig,
  modifiers,
  test_account_filters: testAccountFilters,
  path_cleaning_filters: pathCleaningFilters,
};

export type { ErrorTree };
