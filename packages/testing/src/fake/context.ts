/** What a named behaviour (or the derived one, fallback.ts) gets for one request. */
import type { OperationInfo } from "@hogkit/types";
import type { Factories } from "../factories.js";
import type { SchemaValidator } from "../schema-validator.js";
import type { Caller } from "./auth.js";
import type { FakeDatabase, FakeOrganization, StoredProject } from "./database.js";

export interface FakeRuntime {
  readonly db: FakeDatabase;
  readonly factories: Factories;
  readonly validator: SchemaValidator;
  readonly now: () => Date;
  /** Valid `product_type` values for complete_product_onboarding (PostHog's ProductKey). */
  readonly productKeys: readonly string[];
}

export interface RequestContext {
  readonly runtime: FakeRuntime;
  readonly request: Request;
  readonly url: URL;
  readonly row: OperationInfo;
  readonly params: Record<string, string>;
  readonly caller: Caller;
  /** The organization of the URL (`@current` resolved), when it exists and the user belongs to it. */
  readonly organization: FakeOrganization | undefined;
  /** The organization id the URL names, after `@current` resolution (may be unknown). */
  readonly organizationId: string;
  /** The project of `{id}`, looked up as the server does (400 non-integer, 404 unknown / other org). */
  project(): StoredProject;
  /** The JSON body validated against the operation's request schema, read-only fields dropped. */
  body(): Promise<Record<string, unknown>>;
  /** The JSON body, parsed but not validated (for actions that read `request.data` by hand). */
  rawBody(): Promise<unknown>;
}

export type Behaviour = (context: RequestContext) => Response | Promise<Response>;
