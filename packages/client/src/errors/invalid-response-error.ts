import { defineName, PostHogApiError } from "./posthog-api-error.js";

/** A success status whose body is not the JSON the operation returns (an HTML page from a proxy, truncated JSON). */
export class InvalidResponseError extends PostHogApiError {}
defineName(InvalidResponseError, "InvalidResponseError");
