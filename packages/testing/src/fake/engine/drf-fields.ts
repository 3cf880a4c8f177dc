/**
 * Django REST framework's serializer fields, as the spec describes them: each property's JSON Schema
 * becomes the DRF field drf-spectacular made it from (CharField, DecimalField, IntegerField,
 * BooleanField, ChoiceField, ListField, DictField, JSONField), which then coerces and validates input
 * exactly as DRF does — `"true"` is a boolean, `5` is a string, `"1"` is week day 1 — with DRF's
 * messages and codes. Errors come back as DRF's error tree; `firstError` picks the one
 * drf-exceptions-hog reports.
 */
import type { JsonSchema, JsonSchemaDocument } from "../../schema-document.js";
import { pythonStr, pythonTypeName } from "./python.js";
import { decimalPrecision, decimalStr, decimalToNumber, parseDecimal } from "./python-decimal.js";

export interface ErrorLeaf {
  detail: string;
  code: string;
}
/** DRF's `serializer.errors`, first error of each field: a message, or nested errors by key/index. */
export type ErrorTree = ErrorLeaf | { [key: string]: ErrorTree };

/** Raised by a field or a `validate_<field>` method: DRF's `ValidationError`. */
export class FieldFailure extends Error {
  constructor(readonly tree: ErrorTree) {
    super(isLeaf(tree) ? tree.detail : "nested validation error");
  }
}

export const fail = (detail: string, code = "invalid"): never => {
  throw new FieldFailure({ detail, code });
};

export function isLeaf(tree: ErrorTree): tree is ErrorLeaf {
  return typeof (tree as ErrorLeaf).detail === "string" && typeof (tree as ErrorLeaf).code === "string";
}

/** drf-exceptions-hog: the first error, its path joined with `__` as `attr`, `invalid` renamed `invalid_input`. */
export function firstError(
  tree: ErrorTree,
  path: string[] = [],
): { attr: string | null; detail: string; code: string } {
  if (isLeaf(tree)) {
    const attr = path.filter((p) => p !== "non_field_errors").join("__") || null;
    return { attr, detail: tree.detail, code: tree.code === "invalid" ? "invalid_input" : tree.code };
  }
  const [key, child] = Object.entries(tree)[0] as [string, ErrorTree];
  return firstError(child, [...path, key]);
}

export type Field =
  | { kind: "char"; allowNull: boolean; allowBlank: boolean; minLength?: number; maxLength?: number }
  | { kind: "decimal"; allowNull: boolean; maxDigits?: number; decimalPlaces?: number; min?: number; max?: number }
  | { kind: "integer"; allowNull: boolean; min?: number; max?: number }
  | { kind: "boolean"; allowNull: boolean }
  | { kind: "choice"; allowNull: boolean; choices: readonly unknown[] }
  | { kind: "list"; allowNull: boolean; child: Field }
  | { kind: "dict"; allowNull: boolean }
  | { kind: "json"; allowNull: boolean };

/** The DRF field a property schema was generated from. Untyped schemas (`{}`) are JSONFields. */
export function fieldFromSchema(document: JsonSchemaDocument, schema: JsonSchema): Field {
  let nullable = false;
  let current = schema;
  for (let depth = 0; depth < 8; depth++) {
    const branches = current.anyOf ?? current.oneOf;
    if (branches) {
      const rest = branches.filter((b) => b.type !== "null");
      nullable ||= rest.length < branches.length;
      current = rest[0] ?? {};
    } else if (current.allOf?.length === 1) {
      current = current.allOf[0] as JsonSchema;
    } else if (current.$ref) {
      const [, view, name] = current.$ref.match(/^#\/definitions\/(read|write)\/(.+)$/) ?? [];
      current = (view && name && document.definitions[view as "read" | "write"][name]) || {};
    } else break;
  }
  const types = current.type === undefined ? [] : Array.isArray(current.type) ? current.type : [current.type];
  const allowNull = nullable || types.includes("null");
  const type = types.find((t) => t !== "null");
  if (current.enum) return { kind: "choice", allowNull, choices: current.enum.filter((v) => v !== null) };
  switch (type) {
    case "string": {
      if (current.format === "decimal") {
        const precision = current.pattern?.match(/\\d\{0,(\d+)\}\(\?:\\\.\\d\{0,(\d+)\}\)/);
        const [whole, places] = precision ? [Number(precision[1]), Number(precision[2])] : [undefined, undefined];
        return {
          kind: "decimal",
          allowNull,
          maxDigits: whole !== undefined && places !== undefined ? whole + places : undefined,
          decimalPlaces: places,
        };
      }
      return {
        kind: "char",
        allowNull,
        allowBlank: !(typeof current.minLength === "number" && current.minLength >= 1),
        minLength: typeof current.minLength === "number" && current.minLength > 1 ? current.minLength : undefined,
        maxLength: current.maxLength,
      };
    }
    case "integer":
      return { kind: "integer", allowNull, min: current.minimum, max: current.maximum };
    case "number":
      return { kind: "decimal", allowNull, min: current.minimum, max: current.maximum };
    case "boolean":
      return { kind: "boolean", allowNull };
    case "array":
      return { kind: "list", allowNull, child: fieldFromSchema(document, current.items ?? {}) };
    case "object":
      return current.properties ? { kind: "json", allowNull } : { kind: "dict", allowNull };
    default:
      return { kind: "json", allowNull: true };
  }
}

const TRUE_VALUES = new Set<unknown>([
  "t",
  "T",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "1",
  1,
  true,
]);
const FALSE_VALUES = new Set<unknown>([
  "f",
  "F",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "0",
  0,
  false,
]);
const NULL_VALUES = new Set<unknown>(["null", "Null", "NULL", "", null]);
/** DRF's MAX_STRING_LENGTH for numeric fields. */
const MAX_STRING_LENGTH = 1000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const strip = (text: string) => text.replace(/^\s+|\s+$/gu, "");

/** `field.run_validation(value)`: the validated value, or a FieldFailure with DRF's error. */
export function runField(field: Field, value: unknown): unknown {
  if (value === null) {
    if (field.allowNull) return null;
    return fail("This field may not be null.", "null");
  }
  switch (field.kind) {
    case "char":
      return charField(field, value);
    case "decimal":
      return decimalField(field, value).text;
    case "integer":
      return integerField(field, value);
    case "boolean":
      if (TRUE_VALUES.has(value)) return true;
      if (FALSE_VALUES.has(value)) return false;
      if (field.allowNull && NULL_VALUES.has(value)) return null;
      return fail("Must be a valid boolean.");
    case "choice":
      return choiceField(field, value);
    case "list":
      return listField(field, value);
    case "dict":
      if (typeof value !== "object" || Array.isArray(value)) {
        return fail(`Expected a dictionary of items but got type "${pythonTypeName(value)}".`, "not_a_dict");
      }
      return value;
    case "json":
      return value;
  }
}

function charField(field: Extract<Field, { kind: "char" }>, value: unknown): string {
  if (typeof value === "string" || (typeof value === "number" && typeof value !== "boolean")) {
    const text = typeof value === "string" ? value : pythonStr(value);
    if (strip(text) === "") {
      if (!field.allowBlank) fail("This field may not be blank.", "blank");
      return "";
    }
    const out = strip(text);
    const length = [...out].length;
    if (field.maxLength !== undefined && length > field.maxLength) {
      fail(`Ensure this field has no more than ${field.maxLength} characters.`, "max_length");
    }
    if (field.minLength !== undefined && length < field.minLength) {
      fail(`Ensure this field has at least ${field.minLength} characters.`, "min_length");
    }
    if (out.includes("\u0000")) fail("Null characters are not allowed.", "null_characters_not_allowed");
    const surrogate = LONE_SURROGATE.exec(out)?.[0];
    if (surrogate) {
      fail(
        `Surrogate characters are not allowed: U+${(surrogate.codePointAt(0) as number).toString(16).toUpperCase()}.`,
        "surrogate_characters_not_allowed",
      );
    }
    return out;
  }
  return fail("Not a valid string.");
}

/** DRF's DecimalField: the validated text (Python's `str(Decimal)`), for the activity log and storage. */
export function decimalField(
  field: { maxDigits?: number; decimalPlaces?: number; min?: number; max?: number },
  value: unknown,
): { text: string; number: number } {
  const text = strip(typeof value === "string" ? value : pythonStr(value));
  if (text.length > MAX_STRING_LENGTH) fail("String value too large.", "max_string_length");
  const parsed = typeof value === "boolean" || typeof value === "object" ? undefined : parseDecimal(text);
  if (!parsed) return fail("A valid number is required.");
  const { total, whole, places } = decimalPrecision(parsed);
  const maxWhole =
    field.maxDigits !== undefined && field.decimalPlaces !== undefined
      ? field.maxDigits - field.decimalPlaces
      : undefined;
  if (field.maxDigits !== undefined && total > field.maxDigits) {
    fail(`Ensure that there are no more than ${field.maxDigits} digits in total.`, "max_digits");
  }
  if (field.decimalPlaces !== undefined && places > field.decimalPlaces) {
    fail(`Ensure that there are no more than ${field.decimalPlaces} decimal places.`, "max_decimal_places");
  }
  if (maxWhole !== undefined && whole > maxWhole) {
    fail(`Ensure that there are no more than ${maxWhole} digits before the decimal point.`, "max_whole_digits");
  }
  const number = decimalToNumber(parsed);
  if (field.min !== undefined && number < field.min) {
    fail(`Ensure this value is greater than or equal to ${field.min}.`, "min_value");
  }
  if (field.max !== undefined && number > field.max) {
    fail(`Ensure this value is less than or equal to ${field.max}.`, "max_value");
  }
  return { text: decimalStr(parsed), number };
}

function integerField(field: Extract<Field, { kind: "integer" }>, value: unknown): number {
  if (typeof value === "string" && value.length > MAX_STRING_LENGTH)
    fail("String value too large.", "max_string_length");
  // int(re.sub(r"\.0*\s*$", "", str(data))): "5.0" is 5, "5.5" and True are not integers.
  const text = typeof value === "string" || typeof value === "number" ? pythonStr(value).replace(/\.0*\s*$/u, "") : "";
  const parsed = /^\s*[+-]?\d+(?:_\d+)*\s*$/u.test(text) ? Number(text.replaceAll("_", "")) : Number.NaN;
  if (typeof value === "boolean" || !Number.isFinite(parsed)) return fail("A valid integer is required.");
  if (field.min !== undefined && parsed < field.min) {
    fail(`Ensure this value is greater than or equal to ${field.min}.`, "min_value");
  }
  if (field.max !== undefined && parsed > field.max) {
    fail(`Ensure this value is less than or equal to ${field.max}.`, "max_value");
  }
  return parsed;
}

function choiceField(field: Extract<Field, { kind: "choice" }>, value: unknown): unknown {
  // choice_strings_to_values[str(data)]
  const key = pythonStr(value);
  const found = field.choices.find((choice) => pythonStr(choice) === key);
  if (found === undefined) fail(`"${key}" is not a valid choice.`, "invalid_choice");
  return found;
}

function listField(field: Extract<Field, { kind: "list" }>, value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    return fail(`Expected a list of items but got type "${pythonTypeName(value)}".`, "not_a_list");
  }
  const errors: Record<string, ErrorTree> = {};
  const out = value.map((item, index) => {
    try {
      return runField(field.child, item);
    } catch (error) {
      if (!(error instanceof FieldFailure)) throw error;
      errors[String(index)] = error.tree;
      return undefined;
    }
  });
  if (Object.keys(errors).length) throw new FieldFailure(errors);
  return out;
}
