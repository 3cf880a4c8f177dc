/** Every operation of a document, once, with its path-level and own parameters merged. */
import {
  HTTP_METHODS,
  type HttpMethod,
  type OpenAPIDocument,
  type OperationObject,
  type ParameterObject,
} from "../openapi.ts";
import { isObject, resolve } from "./refs.ts";

export interface SpecOperation {
  /** `GET /api/…/projects/{id}/`: what identifies an operation across versions (never its operationId). */
  key: string;
  path: string;
  method: HttpMethod;
  operation: OperationObject;
  /** Path-level parameters overridden by the operation's own (same `in` + `name`), as written (refs kept). */
  parameters: ParameterObject[];
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** In document order: paths and their methods as written. */
export function listOperations(document: OpenAPIDocument): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of Object.keys(item).filter(isHttpMethod)) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = operation.parameters ?? [];
      const ownKeys = new Set(own.map((p) => parameterKey(document, p)));
      const shared = (item.parameters ?? []).filter((p) => !ownKeys.has(parameterKey(document, p)));
      found.push({ key: operationKey(method, path), path, method, operation, parameters: [...shared, ...own] });
    }
  }
  return found;
}

/** `query:limit`: a parameter's identity (location + name), its reference followed. */
export function parameterKey(document: OpenAPIDocument, parameter: ParameterObject): string {
  const resolved = resolve<ParameterObject>(document, parameter);
  return `${resolved.in}:${resolved.name}`;
}

function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}
