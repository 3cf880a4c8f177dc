/**
 * Keeps secrets out of everything an error or a warning carries. PostHog's token kinds are
 * recognised by their prefix — personal API keys (`phx_`), project secret tokens (`phs_`), OAuth
 * access and refresh tokens (`pha_`, `phr_`) — and session cookies by their name (`sessionid=…`,
 * `csrftoken=…`); the client's own key and credential headers are removed wherever they appear,
 * whatever they look like.
 */

const REDACTED = "[redacted]";
/** Body fields whose values are secret whatever they look like. */
const SECRET_FIELD = /^(secret_api_token(_backup)?|personal_api_key|api_key|password|token|cookie|authorization)$/i;

export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(REDACTED);
  return out.replace(/\bph[xsar]_\w+/g, REDACTED).replace(/\b(\w*(sessionid|csrftoken)=)[^;,\s"']+/gi, `$1${REDACTED}`);
}

/** A deep copy of a parsed JSON body with secret fields and secret-looking strings replaced. */
export function redactValue(value: unknown, secrets?: readonly (string | undefined)[]): unknown {
  return value === undefined
    ? value
    : JSON.parse(
        JSON.stringify(value, (key, item) =>
          SECRET_FIELD.test(key) && item != null
            ? REDACTED
            : typeof item === "string"
              ? redactText(item, secrets)
              : item,
        ),
      );
}

/**
 * The values of a Cookie header long enough to be secrets (a short one would blank out ordinary
 * text), each whole: everything after its name's first `=`, `=` signs included.
 */
export function cookieSecrets(cookie: string): string[] {
  return cookie
    .split(";")
    .map((part) => part.slice(part.indexOf("=") + 1).trim())
    .filter((value) => value.length >= 8);
}
