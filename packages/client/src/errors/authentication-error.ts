import { defineName, PostHogApiError } from "./posthog-api-error.js";

/** 401: no API key was sent (`code` `not_authenticated`) or PostHog does not know it (`authentication_failed`). */
export class AuthenticationError extends PostHogApiError {}
defineName(AuthenticationError, "AuthenticationError");
