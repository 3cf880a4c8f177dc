/** The shape of the generated JSON Schema document (`generated/schemas.ts`). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  readOnly?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  allOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  [keyword: string]: unknown;
};

export type SchemaView = "read" | "write";

export interface JsonSchemaDocument {
  $id: string;
  definitions: Record<SchemaView, Record<string, JsonSchema>>;
}
