import { defineName, PostHogApiError } from "./posthog-api-error.js";

/** 404: no such project or organization, or one the key may not see. */
export class NotFoundError extends PostHogApiError {}
defineName(NotFoundError, "NotFoundError");
