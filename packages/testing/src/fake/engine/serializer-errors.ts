/** How a serializer fails, as DRF and drf-exceptions-hog report it. */
import { type ApiError, validationError } from "./api-error.js";
import { type ErrorTree, firstError } from "./drf-fields.js";
import { pythonTypeName } from "./python.js";

/** DRF's failure of the whole request: `{type: validation_error, code, detail, attr}`. */
export function validationFailure(tree: ErrorTree): ApiError {
  const { attr, detail, code } = firstError(tree);
  return validationError(detail, code, attr);
}

/** The root of `serializer.is_valid()`: a dict, else DRF's own non-field errors. */
export function assertDict(data: unknown): asserts data is Record<string, unknown> {
  if (data === null) throw validationError("No data provided", "null");
  if (typeof data !== "object" || Array.isArray(data)) {
    throw validationError(`Invalid data. Expected a dictionary, but got ${pythonTypeName(data)}.`);
  }
}
