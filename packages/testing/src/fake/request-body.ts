/**
 * Reading a JSON request body as DRF does: an empty body is `{}`, a non-JSON content type is 415,
 * unparseable JSON is 400 `parse_error`. Validation against the spec's request schema turns the
 * first ajv error into DRF's message, code and `attr` (nested keys joined by `__`).
 */
import type { ErrorObject } from "ajv";
import { ApiError, validationError } from "./api-error.js";

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = request.body ? await request.text() : "";
  if (new TextEncoder().encode(text).length > maxBytes) throw tooLarge(maxBytes);
  if (text.trim() === "") return {};
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    throw new ApiError(
      415,
      "invalid_request",
      "unsupported_media_type",
      `Unsupported media type "${type}" in request.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "invalid_request", "parse_error", `JSON parse error - ${(error as Error).message}`);
  }
}

/** Not PostHog's (its limit is in front of Django): the fake refuses bodies beyond `maxBodyBytes`. */
const tooLarge = (maxBytes: number) =>
  new ApiError(413, "invalid_request", "request_too_large", `Request body is larger than ${maxBytes} bytes.`);

const PYTHON_TYPES: Record<string, string> = {
  object: "dict",
  array: "list",
  string: "str",
  number: "float",
  integer: "int",
  boolean: "bool",
  null: "NoneType",
};

function pythonType(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return PYTHON_TYPES[typeof value] ?? typeof value;
}

export function drfValidationError(error: ErrorObject, body: unknown): ApiError {
  const segments = error.instancePath.split("/").filter(Boolean);
  const attrOf = (extra?: string) => [...segments, ...(extra ? [extra] : [])].join("__") || null;
  const value = segments.reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], body);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return validationError("This field is required.", "required", attrOf(String(params.missingProperty)));
    case "type": {
      if (segments.length === 0) {
        return validationError(`Invalid data. Expected a dictionary, but got ${pythonType(value)}.`, "invalid_input");
      }
      if (value === null) return validationError("This field may not be null.", "null", attrOf());
      const expected = String(params.type).split(",")[0];
      const messages: Record<string, [string, string]> = {
        string: ["invalid_input", "Not a valid string."],
        integer: ["invalid_input", "A valid integer is required."],
        number: ["invalid_input", "A valid number is required."],
        boolean: ["invalid_input", "Must be a valid boolean."],
        array: ["not_a_list", `Expected a list of items but got type "${pythonType(value)}".`],
        object: ["not_a_dict", `Expected a dictionary of items but got type "${pythonType(value)}".`],
      };
      const [code, detail] = messages[expected ?? ""] ?? ["invalid_input", "Invalid value."];
      return validationError(detail, code, attrOf());
    }
    case "enum":
      return validationError(`"${String(value)}" is not a valid choice.`, "invalid_choice", attrOf());
    case "maxLength":
      return validationError(`Ensure this field has no more than ${params.limit} characters.`, "max_length", attrOf());
    case "minLength":
      return typeof value === "string" && value.trim() === ""
        ? validationError("This field may not be blank.", "blank", attrOf())
        : validationError(`Ensure this field has at least ${params.limit} characters.`, "min_length", attrOf());
    case "minimum":
      return validationError(`Ensure this value is greater than or equal to ${params.limit}.`, "min_value", attrOf());
    case "maximum":
      return validationError(`Ensure this value is less than or equal to ${params.limit}.`, "max_value", attrOf());
    case "format":
      return params.format === "uuid"
        ? validationError("Must be a valid UUID.", "invalid_input", attrOf())
        : params.format === "date-time"
          ? validationError(
              "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
              "invalid_input",
              attrOf(),
            )
          : validationError("A valid number is required.", "invalid_input", attrOf());
    case "pattern":
      return validationError("A valid number is required.", "invalid_input", attrOf());
    default:
      return validationError("Invalid value.", "invalid_input", attrOf());
  }
}
