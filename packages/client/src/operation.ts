/**
 * The contract between the generated resources (src/generated/) and the hand-written runtime: an
 * `Operation` is the few facts of one operation-table row that a request needs, and `Runtime` is
 * what the generated methods call. Nothing here is per-operation.
 */

/** How a path parameter is checked before it goes into the URL. */
export type PathParamKind = "organization" | "integer" | "string";

export interface PathParam {
  readonly name: string;
  readonly kind: PathParamKind;
}

export interface Operation {
  /** `projects.retrieve`: how errors and hooks name the operation. */
  readonly name: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The path template split around its parameters: literal, parameter, literal, …, literal. */
  readonly path: readonly string[];
  /** The path parameters in path order; `organization_id` comes from the client, the rest are positional. */
  readonly params: readonly PathParam[];
  /** Scopes a personal API key needs, or null when PostHog accepts the operation only from a browser session. */
  readonly scopes: readonly string[] | null;
}

/**
 * What `new Headers(…)` accepts. Spelled through the constructor rather than the DOM's `HeadersInit`,
 * which Node projects without the DOM lib (only @types/node) cannot name.
 */
export type HeadersInput = ConstructorParameters<typeof Headers>[0];

/** Per-call overrides, the last argument of every generated method. */
export interface RequestOptions {
  /** The organization to act in (a UUID or `@current`); defaults to the client's. */
  organizationId?: string;
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Time limit of each attempt in milliseconds, body included. */
  timeoutMs?: number;
  /** How many times a failed attempt may be retried. */
  maxRetries?: number;
  /** Extra request headers for this call. */
  headers?: HeadersInput;
}

/** The item type of a paginated result (`{ results: Item[] }`). */
export type PageItem<Page> = Page extends { results?: ReadonlyArray<infer Item> | null } ? Item : never;

/** What the generated methods call: one request (with retries), or every item of a paginated list. */
export interface Runtime {
  call<T>(
    operation: Operation,
    args: readonly unknown[],
    query: object | undefined,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<T>;
  iterate<T>(
    operation: Operation,
    args: readonly unknown[],
    query: object | undefined,
    options: RequestOptions | undefined,
  ): AsyncGenerator<T, void, undefined>;
}
