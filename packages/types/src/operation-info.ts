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

export interface OperationInfo {
  readonly operationId: string;
  /** SDK resource, from the operation's first tag (`projects`). */
  readonly resource: string;
  /** SDK method name, by the rule in scripts/lib/method-names.ts (`rotateSecretToken`). */
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
  /** Alternative credentials, any one of which is enough. */
  readonly security: readonly SecurityInfo[];
  /** Scopes a personal API key needs; null when PostHog refuses personal API keys for this operation. */
  readonly scopes: readonly string[] | null;
  readonly deprecated: boolean;
}
