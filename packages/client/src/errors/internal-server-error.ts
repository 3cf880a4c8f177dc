import { defineName, PostHogApiError } from "./posthog-api-error.js";

/** 5xx: PostHog (or a proxy in front of it) failed. Idempotent calls are retried. */
export class InternalServerError extends PostHogApiError {}
defineName(InternalServerError, "InternalServerError");
