/**
 * Reading an answer's body within `maxResponseBytes`: a declared length is checked before a byte
 * is read, a body without one (chunked, or compressed, which fetch decodes) is counted as it
 * streams and abandoned the moment it passes the limit, so a huge or endless answer never sits in
 * memory whole.
 */

/** The body as text, or undefined when it is larger than `limit` bytes (the rest is not read). */
export async function readText(response: Response, limit: number): Promise<string | undefined> {
  if (limit === Infinity || !response.body) return response.text();
  const declared = response.headers.get("content-length");
  // fetch holds a body to its declared length, except a compressed one, which it decodes.
  if (declared !== null && !response.headers.has("content-encoding")) {
    if (Number(declared) <= limit) return response.text();
    await response.body.cancel().catch(() => {});
    return undefined;
  }
  const reader = response.body.getReader();
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
