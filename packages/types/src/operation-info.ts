/**
 * One row of the generated operation table (`operationTable`): what an operation is, as the spec
 * says, in a form the client, React and testing runtimes read at run time.
 */
export interface ParameterInfo {
  readonly name: string;
  readonly required: boolean;
  /** The JSON Schema type of the parameter (`integer`, `string`, …). */
  readonly type: string;
}

export interface SecurityInfo {
  /** The security scheme's name in the spec (`PersonalAPIKeyAuth`, `PostHogSessionAuth`). */
  readonly scheme: string;
  /** `bearer` for PostHog personal API keys, `cookie` for a logged-in browser session. */
  readonly kind: string;
  readonly scopes: readonly string[];
}

/**
 * What an operation does to its resource's records, read from the spec (scripts/lib/operation-table.ts):
 * `list` answers a page of the collection, `create` a new record, `read` the record, `update` the
 * record after changing it (PATCH, PUT and actions that answer the record), `delete` removes it
 * (no body); `other` is anything else. The fake and the React cache act on it.
 */
export type OperationEffect = "list" | "create" | "read" | "update" | "delete" | "other";

export interface OperationInfo {
  readonly operationId: string;
  /** SDK resource, from the operation's first tag (`projects`). */
  readonly resource: string;
  /** SDK method name, recorded in the names file (rules: scripts/lib/names/rules.ts), e.g. `rotateSecretToken`. */
  readonly method: string;
  readonly httpMethod: string;
  /** The path template exactly as the API has it, trailing slash included. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  /** Path parameters in the order they appear in the path. */
  readonly pathParams: readonly ParameterInfo[];
  readonly queryParams: readonly ParameterInfo[];
  /** The JSON request body, or null when the operation takes none. */
  readonly body: { readonly required: boolean; readonly schema: string | null } | null;
  readonly successStatus: number;
  /** The component schema of the success response, or null (no body, or an inline schema). */
  readonly responseSchema: string | null;
  readonly pagination: { readonly style: "offset" | "page"; readonly itemSchema: string | null } | null;
  readonly effect: OperationEffect;
  /** Alternative credentials, any one of which is enough. */
  readonly security: readonly SecurityInfo[];
  /** Scopes a personal API key needs; null when PostHog refuses personal API keys for this operation. */
  readonly scopes: readonly string[] | null;
  readonly deprecated: boolean;
}
