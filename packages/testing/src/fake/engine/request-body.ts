/**
 * Reading a JSON request body as DRF's `request.data` does: no body, or no Content-Type, is `{}`; a
 * content type other than JSON is 415; unparseable JSON is 400 `parse_error`. The bytes are read
 * first, bounded (`maxBodyBytes`: counted as they stream, 413 the moment they pass it, never held
 * whole), and parsed only when a behaviour asks, as DRF parses lazily after the permission checks.
 */
import { ApiError } from "./api-error.js";

/**
 * The fake's own limit on JSON nesting: deeper bodies are 400 `parse_error`. PostHog's parser
 * (Python's json module) gives up near Python's recursion limit of 1,000 frames; the fake refuses
 * sooner, so that nothing it stores can be too deep to serialize again.
 */
export const MAX_JSON_DEPTH = 512;

/** The body's text, read within `maxBytes` (413 beyond it, checked against a declared length first). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** `request.data` from the body's text and the request's Content-Type. */
export function parseJsonBody(text: string, contentType: string | null): unknown {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  // DRF parses nothing without a body or without a media type.
  if (text === "" || type === "") return {};
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    throw new ApiError(
      415,
      "invalid_request",
      "unsupported_media_type",
      `Unsupported media type "${type}" in request.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "invalid_request", "parse_error", `JSON parse error - ${(error as Error).message}`);
  }
  if (deeperThan(data, MAX_JSON_DEPTH)) {
    throw new ApiError(
      400,
      "invalid_request",
      "parse_error",
      `JSON parse error - nested deeper than ${MAX_JSON_DEPTH} levels (the fake's limit)`,
    );
  }
  return data;
}

/** Whether arrays and objects nest deeper than `limit`, measured without recursion. */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Not PostHog's (its limit is in front of Django): the fake refuses bodies beyond `maxBodyBytes`. */
export const tooLarge = (maxBytes: number) =>
  new ApiError(413, "invalid_request", "request_too_large", `Request body is larger than ${maxBytes} bytes.`);
