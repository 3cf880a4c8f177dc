import { ConnectionError } from "./connection-error.js";
import { defineName } from "./posthog-api-error.js";

/** An attempt took longer than `timeoutMs` (headers and body together). */
export class TimeoutError extends ConnectionError {}
defineName(TimeoutError, "TimeoutError");
