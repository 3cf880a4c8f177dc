/** The slice of the OpenAPI 3.0 object model the generator and spec tools read. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  required?: string[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
  description?: string;
  [key: string]: unknown;
}

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaTypeObject> };
  responses?: Record<string, { $ref?: string; description?: string; content?: Record<string, MediaTypeObject> }>;
  security?: Array<Record<string, string[]>>;
  deprecated?: boolean;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>> & { parameters?: ParameterObject[] };

export interface OpenAPIDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: Array<{ url: string; description?: string }>;
  paths: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    securitySchemes?: Record<string, Record<string, unknown>>;
    [key: string]: unknown;
  };
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
}

/** Follows a local `#/components/...` reference; other references are not used by PostHog's schema. */
export function resolveRef<T>(document: OpenAPIDocument, node: T | { $ref: string }): T {
  let current: unknown = node;
  for (let depth = 0; isRef(current); depth++) {
    if (depth > 32) throw new Error(`reference cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((parent, key) => (parent as Record<string, unknown> | undefined)?.[key], document);
    if (current === undefined) throw new Error(`unresolved reference ${ref}`);
  }
  return current as T;
}

function isRef(value: unknown): value is { $ref: string } {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** The component name a `#/components/schemas/X` reference points at, or undefined. */
export function schemaRefName(schema: SchemaObject | undefined): string | undefined {
  const match = schema?.$ref?.match(/^#\/components\/schemas\/([^/]+)$/);
  return match?.[1];
}
