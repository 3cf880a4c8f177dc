/**
 * Reading a JSON request body as DRF's `request.data` does: no body, or no Content-Type, is `{}`; a
 * content type other than JSON is 415; unparseable JSON is 400 `parse_error`.
 */
import { ApiError } from "./api-error.js";

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = request.body ? await request.text() : "";
  if (new TextEncoder().encode(text).length > maxBytes) throw tooLarge(maxBytes);
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "invalid_request", "parse_error", `JSON parse error - ${(error as Error).message}`);
  }
}

/** Not PostHog's (its limit is in front of Django): the fake refuses bodies beyond `maxBodyBytes`. */
const tooLarge = (maxBytes: number) =>
  new ApiError(413, "invalid_request", "request_too_large", `Request body is larger than ${maxBytes} bytes.`);
