/**
 * What a failed `fetch` says about the request. Only a failure while connecting — the connection
 * refused, the host name not found, no route to it — proves that no byte of the request left this
 * machine; anything later (a reset, "other side closed", a body that stopped) may come after the
 * server read the request and acted on it. Node (undici) and Bun give a system error code, Deno a
 * message naming the phase ("client error (Connect)"); each is read wherever it sits in the chain of
 * causes.
 */

// Codes of the connect phase: DNS lookup, TCP connect, undici's connect timeout.
const CONNECT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NONAME",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const CONNECT_MESSAGE = /client error \(Connect\)|tcp connect error|dns error/i;

/** True when the request provably never left: the failure happened while connecting. */
export function neverSent(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const item = Object(pending.pop()) as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (seen.has(item)) continue;
    seen.add(item);
    if (typeof item.code === "string" && CONNECT_CODES.has(item.code)) return true;
    if (typeof item.message === "string" && CONNECT_MESSAGE.test(item.message)) return true;
    if (item.cause !== undefined) pending.push(item.cause);
    if (Array.isArray(item.errors)) pending.push(...item.errors);
  }
  return false;
}

/** `fetch failed (ECONNREFUSED)`: the platform's words plus the system error code underneath. */
export function describeCause(cause: unknown): string {
  const { message = String(cause), cause: inner } = Object(cause) as {
    message?: string;
    cause?: { code?: unknown; message?: unknown };
  };
  const code = inner?.code ?? inner?.message;
  return typeof code === "string" && code ? `${message} (${code})` : message;
}
