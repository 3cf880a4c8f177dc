/**
 * The spec model: the one way every script (sync, diff, generate, contract, overlay check) reads an
 * OpenAPI document — 3.0 or 3.1, references resolved, operations listed, schemas walked, nullability
 * and bounds in one canonical spelling, the JSON body of a `content` map, who may call an operation.
 */
export {
  checkDocument,
  defaultOverlayPath,
  type LoadedSpec,
  loadSpec,
  openapiTypescriptYaml,
  readDocument,
} from "./document.ts";
export { isJsonMediaType, jsonMedia, jsonMediaEntry } from "./media.ts";
export { CANONICAL_VERSION, normalizeDocument, normalizeSchema } from "./normalize.ts";
export { listOperations, operationKey, parameterKey, type SpecOperation } from "./operations.ts";
export { isObject, isRef, pointer, resolve, SpecError, schemaRefName } from "./refs.ts";
export { type OperationAccess, operationAccess } from "./security.ts";
export { mapDocumentSchemas, mapSchema, reachableSchemas, refsIn, schemasUsedBy, walkSchema } from "./walk.ts";
