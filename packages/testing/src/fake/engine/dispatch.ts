/**
 * One request through the engine, in the server's order: the route (404, or 405 after
 * authentication), injected faults, the body read outside the write queue, then — one write at a
 * time, all or nothing — authentication, the request context, the guard (the viewset's permission
 * chain, given by the assembly) and the operation's behaviour. An `ApiError` is PostHog's error
 * body; anything else thrown is a bug in the fake, answered as one.
 */
import type { OperationInfo } from "@hogkit/types";
import { ApiError, fakeBugResponse, notFound, RawResponseError } from "./api-error.js";
import { authenticate, type Caller, notAuthenticated } from "./auth.js";
import type { EngineContext, EngineRuntime } from "./context.js";
import type { FaultInjector } from "./faults.js";
import type { BehaviourOf } from "./registry.js";
import { parseJsonBody, readBodyText } from "./request-body.js";
import { compileRoutes, matchRoute } from "./routes.js";
import { validateBySchema } from "./schema-serializer.js";
import { createWriteQueue } from "./transactions.js";

export interface EngineOptions<C extends EngineContext> {
  readonly runtime: EngineRuntime;
  readonly operations: readonly OperationInfo[];
  readonly faults: FaultInjector;
  readonly maxBodyBytes: number;
  /** The assembly's context on top of the engine's (what the resources look up the URL's scope with). */
  context(base: EngineContext): C;
  /** Runs before the behaviour: the viewset's permission chain. Throw an ApiError to refuse. */
  guard(context: C): Promise<void>;
  readonly behaviourOf: BehaviourOf<C>;
}

/** Methods that may change state: run one at a time, all or nothing. */
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createHandler<C extends EngineContext>(
  options: EngineOptions<C>,
): (request: Request) => Promise<Response> {
  const { runtime, faults, maxBodyBytes } = options;
  const routes = compileRoutes(options.operations);
  const atomically = createWriteQueue(runtime.db);

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const match = matchRoute(routes, method, url.pathname);
    if (!match) throw notFound();
    if ("allowed" in match) {
      // A method the operation table does not have (PostHog may have it, as PUT): authenticated, then 405.
      if (authenticate(runtime.db, request, url).kind === "anonymous") {
        throw notAuthenticated(url.origin);
      }
      throw new ApiError(405, "invalid_request", "method_not_allowed", `Method "${method}" not allowed.`, null, {
        allow: match.allowed.join(", "),
      });
    }
    const { row, params } = match;
    const fault = await faults.apply(row.operationId, request.signal);
    if (fault) return fault;
    if (!WRITES.has(method)) return dispatch(request, url, row, params, "");
    // The bytes first, outside the queue (a slow upload holds up no other write); then the write, atomically.
    const text = await readBodyText(request, maxBodyBytes);
    return atomically(() => dispatch(request, url, row, params, text));
  }

  async function dispatch(
    request: Request,
    url: URL,
    row: OperationInfo,
    params: Record<string, string>,
    text: string,
  ): Promise<Response> {
    try {
      const caller = authenticate(runtime.db, request, url);
      const context = options.context(baseContext(runtime, request, url, row, params, caller, text));
      await options.guard(context);
      return await options.behaviourOf(row)(context);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      if (error instanceof RawResponseError) return error.response;
      throw error;
    }
  }

  return async (request) => {
    try {
      return await answer(request);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      if (error instanceof RawResponseError) return error.response;
      // The caller gave up while a latency fault was waiting: nobody reads this answer.
      if (request.signal?.aborted && error === request.signal.reason) return Response.error();
      return fakeBugResponse(error);
    }
  };
}

function baseContext(
  runtime: EngineRuntime,
  request: Request,
  url: URL,
  row: OperationInfo,
  params: Record<string, string>,
  caller: Caller,
  text: string,
): EngineContext {
  let parsed: Promise<unknown> | undefined;
  const rawBody = () => {
    parsed ??= Promise.resolve().then(() => parseJsonBody(text, request.headers.get("content-type")));
    return parsed;
  };
  return {
    runtime,
    request,
    url,
    row,
    params,
    caller,
    rawBody,
    body: async () => {
      const schema = row.body?.schema;
      if (!schema) return {};
      return validateBySchema(schema, await rawBody(), { partial: request.method.toUpperCase() === "PATCH" });
    },
  };
}
