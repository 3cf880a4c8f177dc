/** Public names: the rules, the registry that keeps recorded names, and the names file. */
export { assignNames, type NamingInput } from "./assign-names.ts";
export { handWrittenClashes, type ReservedNames, type ReservedNamesSource } from "./exporting-package.ts";
export {
  emptyNames,
  formatNamesFile,
  type NamesFile,
  type OperationNames,
  type ResourceNames,
  readNamesFile,
  type SchemaNames,
} from "./names-file.ts";
export { assign, type Claim } from "./registry.ts";
export { camelCase, friendlyTypeCandidates, type OperationFacts, pascal, pathShape, singularOf } from "./rules.ts";
