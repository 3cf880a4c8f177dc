/**
 * What `createClient` and `createProxyHandler` read of where they run, in one place: the POSTHOG_*
 * environment variables (Node, Bun, Deno), whether this is a web page, where PostHog's API is for a
 * host, and which hosts are this machine. A leaf: it imports nothing, and does nothing on import.
 */

export const KEY_VARIABLE = "POSTHOG_PERSONAL_API_KEY";
export const HOST_VARIABLE = "POSTHOG_HOST";

/**
 * An option's value, or when the option is not given, its environment variable's; with the name an
 * error about the value shows: what the user wrote, the option or the variable.
 */
export function optionOrEnv<T>(value: T | undefined, option: string, variable: string) {
  return value === undefined ? { value: readEnv(variable), name: variable } : { value, name: option };
}

interface DenoLike {
  env: { get(name: string): string | undefined };
  permissions: { querySync(descriptor: { name: "env"; variable: string }): { state: string } };
}

/**
 * An environment variable on Node, Bun and Deno; undefined when empty, in browsers and wherever
 * reading it is not allowed. Deno is asked first whether env access is granted, so it neither throws
 * nor prompts (a Deno too old to ask throws, and gets undefined).
 */
export function readEnv(name: string): string | undefined {
  const { Deno: deno, process } = globalThis as { Deno?: DenoLike; process?: { env: Record<string, string> } };
  try {
    return (
      (deno
        ? deno.permissions.querySync({ name: "env", variable: name }).state === "granted" && deno.env.get(name)
        : process?.env[name]) || undefined
    );
  } catch {
    return undefined;
  }
}

/** What to do about a variable found unset: set it, and on Deno, let the process read it. */
export function setVariable(name: string): string {
  return `set ${name}${(globalThis as { Deno?: unknown }).Deno ? ` (and run Deno with --allow-env=${name})` : ""}`;
}

export function isBrowser(): boolean {
  return typeof window !== "undefined" && typeof document !== "undefined";
}

const REGIONS: Record<string, string> = { us: "https://us.posthog.com", eu: "https://eu.posthog.com" };

/**
 * Where PostHog's API is for an absolute host: `"us"`, `"eu"` (any case), or an http(s) URL with no
 * credentials, query, fragment or backslash in it (the authority must be a host, not something a
 * URL parser repairs). Undefined for anything else. PostHog's ingestion hosts (`us.i.posthog.com`)
 * serve event capture, not the API: a POSTHOG_HOST set for capture is read as the matching API host.
 */
export function apiUrl(host: string): URL | undefined {
  const absolute = REGIONS[host.toLowerCase()] ?? host;
  if (!/^https?:\/\/[^/?#@\\]+(\/[^?#]*)?$/i.test(absolute)) return undefined;
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    return undefined; // a space or a port out of range in the host
  }
  url.hostname = url.hostname.replace(/^(us|eu)\.i\.(posthog\.com)$/, "$1.$2");
  return url;
}

/**
 * The base every route (`/api/…`) is appended to: path prefix included, no trailing slash, and no
 * trailing `/api` (a host copied from an API URL would double it).
 */
export function apiBase(prefix: string): string {
  return prefix.replace(/\/+$/, "").replace(/\/api$/, "");
}

/** `localhost`, `*.localhost`, `127.x.x.x` and `[::1]`, as a URL's `hostname` spells them: not `127.example.com`. */
export function isLoopback(hostname: string): boolean {
  return /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
}
