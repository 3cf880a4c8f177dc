/**
 * Which entry of a `content` map is the JSON body. PostHog lists the same schema as JSON, form and
 * multipart; the packages send and read JSON only, so every tool looks at that entry, found one way.
 */

/** `application/json` and its structured-suffix relatives (`application/problem+json`), parameters allowed. */
const JSON_MEDIA = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

export function isJsonMediaType(type: string): boolean {
  return JSON_MEDIA.test(type);
}

/** The first JSON entry of a `content` map as `[media type, media object]`, or undefined. */
export function jsonMediaEntry<T>(content: Record<string, T> | undefined | null): [string, T] | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  return Object.entries(content).find(([type]) => isJsonMediaType(type));
}

/** The media object of the first JSON entry of a `content` map, or undefined. */
export function jsonMedia<T>(content: Record<string, T> | undefined | null): T | undefined {
  return jsonMediaEntry(content)?.[1];
}
