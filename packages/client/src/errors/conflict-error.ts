import { defineName, PostHogApiError } from "./posthog-api-error.js";

/** 409: the change conflicts with existing data (a project name already used in the organization). */
export class ConflictError extends PostHogApiError {}
defineName(ConflictError, "ConflictError");
