import { defineName, PostHogApiError } from "./posthog-api-error.js";

/** 400: PostHog rejected the request; `attr` names the field and `detail` says why. */
export class BadRequestError extends PostHogApiError {}
defineName(BadRequestError, "BadRequestError");
