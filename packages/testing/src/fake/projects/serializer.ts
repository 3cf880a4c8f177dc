/**
 * ProjectBackwardCompatSerializer's input side, as DRF runs it: `to_internal_value` walks the
 * writable fields in the serializer's order (unknown and read-only keys are ignored — own keys only,
 * so `constructor` or `__proto__` are just unknown), runs each DRF field and its `validate_<field>`,
 * collects every error and raises the lot (drf-exceptions-hog reports the first); `validate_name`
 * raises 409 on the spot. Then `validate()`: the admin-only settings (403, the whole request refused),
 * `primary_dashboard`, `autocapture_exceptions_errors_to_ignore`. Sources: posthog/api/project.py,
 * posthog/api/team.py (validate_team_attrs), rest_framework/serializers.py.
 */
import { schemaDocument } from "../../generated/schemas.js";
import type { JsonSchema } from "../../schema-document.js";
import type { FakeRuntime } from "../context.js";
import { ApiError, permissionDenied, validationError } from "../engine/api-error.js";
import { type ErrorTree, type Field, FieldFailure, fieldFromSchema, runField } from "../engine/drf-fields.js";
import { pythonJsonDumps, pythonTypeName } from "../engine/python.js";
import { assertDict, validationFailure } from "../engine/serializer-errors.js";
import { ADMIN_FIELDS, FIELD_BOUNDS, FIELD_ORDER, NOT_NULL_JSON_FIELDS } from "./fields.js";
import { FIELD_VALIDATORS } from "./validators.js";

const WRITE_SCHEMA = "PatchedProjectBackwardCompat";

export interface SerializerInput {
  runtime: FakeRuntime;
  /** The project being updated; undefined on create. */
  instance?: { id: number; name: string; organization: string };
  /** The organization the project is (or will be) in. */
  organizationId: string;
  /** The caller's level there (effective_membership_level); null when not a member. */
  level: number | null;
}

let cachedFields: Array<[string, Field]> | undefined;

/** The writable fields of the spec's project schema, as DRF fields, in serializer order. */
export function writableFields(): Array<[string, Field]> {
  if (cachedFields) return cachedFields;
  const properties = schemaDocument.definitions.write[WRITE_SCHEMA]?.properties ?? {};
  const order = (name: string) => {
    const index = (FIELD_ORDER as readonly string[]).indexOf(name);
    return index < 0 ? FIELD_ORDER.length : index;
  };
  const names = Object.keys(properties)
    .filter((name) => !(properties[name] as JsonSchema).readOnly)
    .sort((a, b) => order(a) - order(b));
  cachedFields = names.map((name) => {
    let field = fieldFromSchema(schemaDocument, properties[name] as JsonSchema);
    if (field.kind === "json") field = { ...field, allowNull: !NOT_NULL_JSON_FIELDS.has(name) };
    const bounds = FIELD_BOUNDS[name];
    if (bounds && field.kind === "decimal") field = { ...field, ...bounds };
    return [name, field];
  });
  return cachedFields;
}

/** `serializer.is_valid(raise_exception=True)` + `validated_data`, for create or partial update. */
export function validateProject(data: unknown, input: SerializerInput): Record<string, unknown> {
  assertDict(data);
  const attrs: Record<string, unknown> = {};
  const errors: Record<string, ErrorTree> = {};
  for (const [name, field] of writableFields()) {
    if (!Object.hasOwn(data, name)) continue;
    try {
      let value =
        name === "primary_dashboard" ? dashboardField(input.runtime, data[name]) : runField(field, data[name]);
      if (name === "name" && typeof value === "string") value = validateName(input, value);
      const validator = FIELD_VALIDATORS[name];
      attrs[name] = validator ? validator(value) : value;
    } catch (error) {
      if (!(error instanceof FieldFailure)) throw error;
      errors[name] = error.tree;
    }
  }
  if (Object.keys(errors).length) throw validationFailure(errors);
  validateAttrs(attrs, input);
  return attrs;
}

/** validate_name: a new name must be free in the organization (case-insensitive, trimmed), else 409. */
function validateName(input: SerializerInput, value: string): string {
  if (input.instance && value === input.instance.name) return value;
  const wanted = value.toUpperCase();
  const clash = input.runtime.db.projects.some(
    (p) =>
      p.organization === input.organizationId &&
      p.id !== input.instance?.id &&
      p.is_pending_deletion !== true &&
      (p.name ?? "").trim().toUpperCase() === wanted,
  );
  if (clash) {
    throw new ApiError(
      409,
      "server_error",
      "conflict",
      `There is already a project called "${value}" in this organization. Choose a different name.`,
    );
  }
  return value;
}

/** PrimaryKeyRelatedField(queryset=Dashboard.objects.all(), allow_null=True); "" is None, as for every RelatedField. */
function dashboardField(runtime: FakeRuntime, value: unknown): number | null {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") throw incorrectType(value);
  const id =
    typeof value === "number"
      ? Math.trunc(value)
      : typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(id)) throw incorrectType(value);
  if (!runtime.db.dashboards.has(id)) {
    throw new FieldFailure({
      detail: `Invalid pk "${String(value)}" - object does not exist.`,
      code: "does_not_exist",
    });
  }
  return id;
}

const incorrectType = (value: unknown) =>
  new FieldFailure({
    detail: `Incorrect type. Expected pk value, received ${pythonTypeName(value)}.`,
    code: "incorrect_type",
  });

/** validate_team_attrs (posthog/api/team.py). */
function validateAttrs(attrs: Record<string, unknown>, input: SerializerInput): void {
  const touched = Object.keys(attrs);
  const isAdmin = input.level !== null && input.level >= 8;
  if (input.instance) {
    const admin = touched.filter((field) => ADMIN_FIELDS.has(field)).sort();
    if (admin.length && !isAdmin) {
      throw permissionDenied(`Only project admins can modify these settings: ${admin.join(", ")}`);
    }
  } else {
    const admin = touched.filter((field) => ADMIN_FIELDS.has(field) && field !== "is_demo" && field !== "name").sort();
    if (admin.length && !isAdmin) {
      throw permissionDenied(
        `Only organization admins can set these settings on project creation: ${admin.join(", ")}`,
      );
    }
  }
  if ("primary_dashboard" in attrs) {
    if (!input.instance) {
      throw validationError(
        "Primary dashboard cannot be set on project creation.",
        "invalid_input",
        "primary_dashboard",
      );
    }
    const dashboard = attrs.primary_dashboard as number | null;
    if (dashboard !== null && input.runtime.db.dashboards.get(dashboard) !== input.instance.id) {
      throw validationError("Dashboard does not belong to this team.", "invalid_input", "primary_dashboard");
    }
  }
  if ("autocapture_exceptions_errors_to_ignore" in attrs) {
    const value = attrs.autocapture_exceptions_errors_to_ignore;
    if (!Array.isArray(value)) {
      throw validationError("Must provide a list for field: autocapture_exceptions_errors_to_ignore.");
    }
    if (value.some((item) => typeof item !== "string")) {
      throw validationError("Must provide a list of strings to field: autocapture_exceptions_errors_to_ignore.");
    }
    if (pythonJsonDumps(value).length > 300) {
      throw validationError(
        "Field autocapture_exceptions_errors_to_ignore must be less than 300 characters. Complex config should be provided in posthog-js initialization.",
      );
    }
  }
}
