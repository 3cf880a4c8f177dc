/**
 * Keeps secrets out of everything an error carries. Personal API keys (`phx_…`), project secret
 * tokens (`phs_…`) and OAuth tokens (`pha_…`, `phr_…`) are recognised by their prefix; the client's
 * own key is removed wherever it appears, whatever it looks like.
 */

const REDACTED = "[redacted]";
const TOKEN = /\bph[xsar]_[A-Za-z0-9]+/g;
/** Body fields whose values are secret whatever they look like. */
const SECRET_FIELDS = /^(secret_api_token(_backup)?|personal_api_key|api_key|password|token)$/i;

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(REDACTED);
  return out.replace(TOKEN, REDACTED);
}

/** A deep copy of a parsed JSON body with secret fields and secret-looking strings replaced. */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = SECRET_FIELDS.test(key) && item != null ? REDACTED : redactValue(item, secrets);
    }
    return copy;
  }
  return value;
}
