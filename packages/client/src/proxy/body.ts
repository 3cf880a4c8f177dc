/**
 * Reads a request body up to a size limit and within the exchange's deadline, so that a huge, an
 * endless or a trickling upload costs the server nothing: the declared length is checked first,
 * the bytes are counted as they arrive, and reading stops the moment either limit is passed.
 */

export class BodyTooLargeError extends Error {}
export class BodyTimeoutError extends Error {}

export async function readBoundedBody(
  request: Request,
  limit: number,
  deadline: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new BodyTooLargeError();
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  let onTimeout!: () => void;
  const timedOut = new Promise<never>((_, reject) => {
    onTimeout = () => reject(new BodyTimeoutError());
    if (deadline.aborted) onTimeout();
    else deadline.addEventListener("abort", onTimeout, { once: true });
  });
  timedOut.catch(() => {}); // raced below; never left unhandled
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timedOut]);
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw new BodyTooLargeError();
      chunks.push(value);
    }
  } catch (error) {
    // Not awaited: a source still waiting for its next chunk would hold the answer until it came.
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    deadline.removeEventListener("abort", onTimeout);
  }
  if (size === 0) return undefined;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
