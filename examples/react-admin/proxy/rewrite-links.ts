/**
 * PostHog's pages carry absolute `next`/`previous` URLs on PostHog's own host. Behind a proxy those
 * must point at the proxy instead, or the browser would follow them to PostHog directly (and
 * @hogkit/client rightly refuses a `next` on another origin).
 */
export async function rewritePageLinks(
  response: Response,
  upstreamBase: string,
  publicBase: string,
): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const page = body as Record<string, unknown>;
    for (const key of ["next", "previous"]) {
      const link = page[key];
      if (typeof link === "string" && link.startsWith(upstreamBase))
        page[key] = publicBase + link.slice(upstreamBase.length);
    }
  }
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}
