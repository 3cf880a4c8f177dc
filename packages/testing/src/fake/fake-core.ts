/**
 * The fake itself: `handle(request) → response` over in-memory state, assembled from the engine
 * (engine/: routes, request handling, derived behaviours) and the resource modules registered in
 * resources.ts. Each request is authenticated, resolved to its organization and project the way
 * PostHog does (request-context.ts), checked by the viewset's permission chain (permissions.ts) and
 * answered by its resource's named behaviour or the one derived from its effect.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { createFactories } from "../factories.js";
import { createSchemaValidator } from "../schema-validator.js";
import { sessionId } from "../tokens.js";
import { FakeDatabase, type FakeSession } from "./database.js";
import { createHandler } from "./engine/dispatch.js";
import { FaultInjector } from "./engine/faults.js";
import { recordResource } from "./engine/record-store.js";
import { createRegistry } from "./engine/registry.js";
import { addKey } from "./keys.js";
import { DEFAULT_PRODUCT_KEYS, type FakeApiKeyInput, type FakePostHogOptions } from "./options.js";
import { beforeAuthentication, checkPermissions } from "./permissions.js";
import { requestContext, scopeKey } from "./request-context.js";
import { RESOURCES } from "./resources.js";
import { type SeededRuntime, seedState } from "./seed-state.js";

export {
  DEFAULT_PRODUCT_KEYS,
  type FakeApiKeyInput,
  type FakeOrganizationInput,
  type FakePostHogOptions,
} from "./options.js";

/** One compiled ajv for every fake: compiling the spec's schemas is the costly part of a new fake. */
let sharedValidator: ReturnType<typeof createSchemaValidator> | undefined;
function sharedSchemaValidator() {
  sharedValidator ??= createSchemaValidator();
  return sharedValidator;
}

export interface FakeCore {
  /** Answers one request like PostHog would (fetch-style). `Response.error()` means a dropped connection. */
  handle(request: Request): Promise<Response>;
  /** The state, for assertions and set-up. Kept across `reset()` (same object, refilled). */
  readonly db: FakeDatabase;
  readonly faults: FaultInjector;
  /** The first configured key (a personal API key with every scope by default). */
  readonly apiKey: string;
  /** The user's current organization (what `@current` means). */
  readonly organizationId: string;
  /** A logged-in browser session: send `cookie` as the Cookie header. Sessions may call every operation. */
  createSession(): FakeSession;
  /** Mints a personal API key or OAuth access token (scopes, organization and project limits); returns it. */
  createKey(input?: FakeApiKeyInput): string;
  /** Back to the state the fake was created with (same seed, same values); faults cleared. */
  reset(): void;
  /** The operation table the fake serves. */
  readonly operations: readonly OperationInfo[];
  /** Request bodies larger than this are refused with 413 (`maxBodyBytes`). */
  readonly maxBodyBytes: number;
}

export function createFakeCore(options: FakePostHogOptions = {}): FakeCore {
  const db = new FakeDatabase();
  const faults = new FaultInjector();
  const operations = options.operations ?? operationTable;
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const runtime: SeededRuntime = {
    db,
    factories: createFactories({ seed: options.seed ?? 1 }),
    validator: sharedSchemaValidator(),
    now: options.now ?? (() => new Date()),
    productKeys: options.productKeys ?? DEFAULT_PRODUCT_KEYS,
    intentContexts: options.intentContexts ?? null,
    featureFlags: new Set(options.featureFlags ?? []),
  };
  seedState(runtime, options);
  const handle = createHandler({
    runtime,
    operations,
    faults,
    maxBodyBytes,
    context: (base) => requestContext(runtime, base),
    guard: async (context) => {
      await beforeAuthentication(context);
      await checkPermissions(context);
    },
    behaviourOf: createRegistry(operations, RESOURCES, (name) => recordResource(name, scopeKey)),
  });
  return {
    handle,
    db,
    faults,
    operations,
    maxBodyBytes,
    get apiKey() {
      return db.keys[0]?.key ?? "";
    },
    get organizationId() {
      return db.currentOrganizationId;
    },
    createSession(): FakeSession {
      const id = sessionId(runtime.factories.random);
      const session = { id, cookie: `sessionid=${id}` };
      db.sessions.push(session);
      return session;
    },
    createKey: (input = {}) => addKey(runtime, input, "createKey()").key,
    reset() {
      faults.clear();
      seedState(runtime, options);
    },
  };
}
