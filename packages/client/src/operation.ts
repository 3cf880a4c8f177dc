/**
 * The contract between the generated functions (src/generated/) and the hand-written runtime: an
 * `Operation` is the few facts of one operation-table row that a request needs. Nothing here is
 * per-operation.
 */

export interface Operation {
  /** `projects.retrieve`: how errors, hooks and warnings name the operation. */
  readonly name: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /**
   * The path template: `{name}` for a string parameter, `{name:integer}` for an integer one.
   * `{organization_id}` comes from the core (or `options.organizationId`), the rest are positional.
   */
  readonly path: string;
  /** Set when PostHog accepts the operation only from a logged-in browser session, never from a personal API key. */
  readonly sessionOnly?: true;
}

/**
 * What `new Headers(…)` accepts. Spelled through the constructor rather than the DOM's `HeadersInit`,
 * which Node projects without the DOM lib (only @types/node) cannot name.
 */
export type HeadersInput = ConstructorParameters<typeof Headers>[0];

/** Per-call overrides, the last argument of every generated method and function. */
export interface RequestOptions {
  /** The organization to act in (a UUID or `@current`); defaults to the client's. */
  organizationId?: string | undefined;
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Time limit of each attempt in milliseconds, body included; `Infinity` for none. */
  timeoutMs?: number | undefined;
  /** How many times a failed attempt may be retried. */
  maxRetries?: number | undefined;
  /** The largest answer read, in bytes; `Infinity` for none. */
  maxResponseBytes?: number | undefined;
  /**
   * `iterate()` only: the most pages it reads before it stops with an `InvalidResponseError`, so
   * that a server answering `next` links forever cannot keep it going. @default 1000
   */
  maxPages?: number | undefined;
  /** Extra request headers for this call. */
  headers?: HeadersInput | undefined;
}

/** The item type of a paginated result (`{ results: Item[] }`). */
export type PageItem<Page> = Page extends { results?: ReadonlyArray<infer Item> | null } ? Item : never;
