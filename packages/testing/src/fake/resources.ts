/**
 * The resource modules, one per resource PostHog treats specially. A resource of the operation table
 * that is not listed needs no module: its operations answer by their effect (engine/derived.ts).
 */
import type { RequestContext } from "./context.js";
import type { Resource } from "./engine/resource.js";
import { organizations } from "./organizations/resource.js";
import { projects } from "./projects/resource.js";

// biome-ignore lint/suspicious/noExplicitAny: each module has its own record type
export const RESOURCES: ReadonlyArray<Resource<RequestContext, any>> = [projects, organizations];
