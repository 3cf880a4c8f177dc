/**
 * What the engine knows of one request, before any resource adds its own (the URL's organization
 * and project: ../context.ts): the matched operation, its path parameters, the caller, the body.
 */
import type { OperationInfo } from "@hogkit/types";
import type { Factories } from "../../factories.js";
import type { SchemaValidator } from "../../schema-validator.js";
import type { Caller } from "./auth.js";
import type { Credentials, FakeUser } from "./credentials.js";
import type { ScopedRecord } from "./record-store.js";

export type Json = Record<string, unknown>;

/** The state the engine reads itself: credentials, the user, and snapshots for all-or-nothing writes. */
export interface EngineState extends Credentials {
  readonly user: FakeUser;
  /** The records of resources no module declares, by resource (record-store.ts). */
  readonly records: Map<string, ScopedRecord[]>;
  snapshot(): unknown;
  restore(snapshot: unknown): void;
}

export interface EngineRuntime {
  readonly db: EngineState;
  readonly factories: Factories;
  readonly validator: SchemaValidator;
  readonly now: () => Date;
}

export interface EngineContext {
  readonly runtime: EngineRuntime;
  readonly request: Request;
  readonly url: URL;
  readonly row: OperationInfo;
  readonly params: Record<string, string>;
  readonly caller: Caller;
  /** The JSON body validated against the operation's request schema, read-only fields dropped. */
  body(): Promise<Json>;
  /** The JSON body, parsed but not validated (DRF's `request.data`: `{}` when there is none). */
  rawBody(): Promise<unknown>;
}

export type Behaviour<C extends EngineContext = EngineContext> = (context: C) => Response | Promise<Response>;
