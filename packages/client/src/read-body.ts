/**
 * Reading an answer's body within `maxResponseBytes`. A declared length over the limit is refused
 * before a byte is read; on servers, a body without one (chunked or compressed) is counted as it
 * streams and abandoned the moment it passes the limit, so a huge or endless answer never sits in
 * memory whole.
 */
import { isBrowser } from "./environment.js";

/** The body as text, or undefined when it is larger than `limit` bytes (the rest is not read). */
export async function readText(response: Response, limit: number): Promise<string | undefined> {
  const body = response.body;
  if (limit === Infinity || !body) return response.text();
  const declared = response.headers.get("content-length");
  // A compressed body decodes to at least its encoded length, so the declared length alone can refuse it.
  if (declared !== null && Number(declared) > limit) {
    await body.cancel().catch(() => {});
    return undefined;
  }
  // fetch holds a plain body to its declared length. A browser page reads from its own origin, and
  // Chromium cancels a request whose compressed body a reader finished before the connection did
  // (ERR_ABORTED, the keep-alive connection dropped): there the platform reads it whole.
  if ((declared !== null && !response.headers.has("content-encoding")) || isBrowser()) return response.text();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
