/**
 * The checks `createClient` and `createProxyHandler` both make of their settings, written once so
 * that one bad value gets one answer whichever it reaches: a key's shape, a number's range, a host
 * that is not a URL, a key headed for another machine in clear text. Each throws a TypeError that
 * starts with the entry point's name (`who`) and never repeats the key.
 */
import { isLoopback } from "./environment.js";

export function misuse(who: string, message: string): TypeError {
  return new TypeError(`${who}: ${message}`);
}

/** Says what is wrong with a personal API key before it is ever sent, without showing it. */
export function checkKey(who: string, name: string, key: string): void {
  const problem = /^bearer\s/i.test(key)
    ? 'starts with "Bearer ": pass the key alone'
    : key.trim() !== key
      ? `${/\s$/.test(key) ? "ends" : "starts"} with ${/^[\r\n]|[\r\n]$/.test(key) ? "a newline" : "whitespace"}: trim it`
      : /^phc_/.test(key)
        ? "is a project API key (phc_…), which only captures events: pass a personal API key (phx_…)"
        : !/^[\x21-\x7e]+$/.test(key) &&
          "must be a non-empty string of visible ASCII characters (a personal API key, phx_…)";
  if (problem) throw misuse(who, `${name} ${problem}.`);
}

/** A number from `min` to `max`. */
export function checkNumber(who: string, name: string, value: number, min: number, max = Infinity): number {
  if (typeof value !== "number" || !(value >= min && value <= max)) {
    const range = max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`;
    throw misuse(who, `${name} must be a number ${range}; got ${String(value)}.`);
  }
  return value;
}

/** The refusal of a host that is none of `expected`, without the credentials written into it. */
export function badHost(who: string, name: string, host: string, expected: string): TypeError {
  return misuse(
    who,
    `${name} must be ${expected}, without credentials, query, fragment or backslash; ` +
      `got ${JSON.stringify(host.replace(/\/\/[^/]*@/, "//…@"))}.`,
  );
}

/** Refuses to send `what` (a key, credentials) over plain http to anything but this machine, unless allowed. */
export function checkClearText(who: string, url: URL, what: string, allowed: boolean | undefined): void {
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowed) {
    throw misuse(
      who,
      `refusing to send ${what} in clear text to ${url.origin}: use https:// or pass allowInsecureHttp: true.`,
    );
  }
}
