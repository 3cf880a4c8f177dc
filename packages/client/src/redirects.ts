/**
 * Redirects, followed by the client itself (`fetch` runs with `redirect: "manual"`) and only on the
 * origin the request went to: every hop carries the credentials again and, after a 307 or 308, the
 * body too, so a redirect to another host would hand both to it. The method changes as `fetch`
 * would change it (303 → GET; 301/302 after a POST → GET, without the body).
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Hops followed for one attempt; PostHog itself answers the client's paths without any. */
export const MAX_REDIRECTS = 5;

export type Hop = { url: string; init: RequestInit } | { refused: string } | undefined;

/** The request to send next, why the redirect is refused, or undefined when `response` is the answer. */
export function nextHop(response: Response, url: string, init: RequestInit): Hop {
  const origin = new URL(url).origin;
  // Browsers hide a manual redirect's status and target: it cannot be checked, so it is not followed.
  if (response.type === "opaqueredirect") {
    return {
      refused: `a redirect whose target the browser does not show, so it cannot be checked to stay on ${origin}`,
    };
  }
  const location = REDIRECTS.has(response.status) ? response.headers.get("location") : null;
  if (location === null) return undefined;
  let target: URL | undefined;
  try {
    target = new URL(location, url);
  } catch {}
  if (target?.origin !== origin) {
    return {
      refused:
        `a ${response.status} redirect to ${target ? target.origin : JSON.stringify(location.slice(0, 120))}, not ${origin}; ` +
        "the client follows redirects only on its own origin (it would send your credentials and the body there): set host to the server that answers",
    };
  }
  const method = init.method ?? "GET";
  const status = response.status;
  const toGet = (status === 303 && method !== "GET" && method !== "HEAD") || (status <= 302 && method === "POST");
  if (!toGet) return { url: target.href, init };
  const { body: _body, method: _method, ...rest } = init;
  const { "content-type": _type, ...headers } = init.headers as Record<string, string>;
  return { url: target.href, init: { ...rest, headers } };
}
