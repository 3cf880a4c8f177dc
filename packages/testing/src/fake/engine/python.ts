/**
 * The few pieces of Python the server's messages are made of: `type(x).__name__`, `str(x)` and
 * `repr(x)` of a parsed JSON value, `int(text)`, truthiness, `uuid.UUID(x)` and DRF's datetime
 * format. PostHog's error details embed these (`"True" is not a valid choice.`,
 * `Field 'id' expected a number but got 'abc'.`), so the fake has to spell them the same way.
 *
 * A JSON number parsed by JavaScript does not say whether it was written `1` or `1.0`: integral
 * numbers are treated as Python ints.
 */

export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "str";
  if (Array.isArray(value)) return "list";
  return "dict";
}

/** `str(value)`: what `"{input}".format(input=value)` prints in DRF's messages. */
export function pythonStr(value: unknown): string {
  if (typeof value === "string") return value;
  return pythonRepr(value);
}

/** `repr(value)`. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pythonNumber(value);
  if (typeof value === "string") return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pythonStringRepr(k)}: ${pythonRepr(v)}`).join(", ")}}`;
}

function pythonNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  if (!Number.isFinite(value)) return value > 0 ? "inf" : value < 0 ? "-inf" : "nan";
  // Python's repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16 on.
  const [mantissa = "", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const text = String(value);
  return text.includes(".") || text.includes("e") ? text : `${text}.0`;
}

/** Characters `str.isprintable()` rejects (categories C and Z, except the ASCII space). */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === "\\") out += "\\\\";
    else if (char === quote) out += `\\${quote}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char !== " " && NON_PRINTABLE.test(char)) {
      out +=
        code < 0x100
          ? `\\x${code.toString(16).padStart(2, "0")}`
          : code < 0x10000
            ? `\\u${code.toString(16).padStart(4, "0")}`
            : `\\U${code.toString(16).padStart(8, "0")}`;
    } else out += char;
  }
  return `${quote}${out}${quote}`;
}

/** Whitespace as `str.strip()` sees it (the information separators U+001C–U+001F included). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's str.strip() removes these control characters
const PY_SPACE = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/gu;

/**
 * `int(text)` for a str: surrounding whitespace, an optional sign, ASCII digits with single
 * underscores between them. `undefined` where Python raises ValueError. (Python also accepts
 * non-ASCII decimal digits; the fake does not.)
 */
export function pythonInt(text: string): bigint | undefined {
  const stripped = text.replace(PY_SPACE, "");
  if (!/^[+-]?\d+(?:_\d+)*$/.test(stripped)) return undefined;
  return BigInt(stripped.replaceAll("_", ""));
}

/** Python truthiness of a parsed JSON value. */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/**
 * What Django's UUIDField makes of a lookup value (`Organization.objects.get(pk=value)`): a canonical
 * UUID, `null` for None, or `"invalid"` where Django raises ValidationError (which nothing catches).
 */
export function djangoUuid(value: unknown): string | null | "invalid" {
  if (value === null || value === undefined) return null;
  let hex: string;
  if (typeof value === "number" || typeof value === "boolean") {
    // uuid.UUID(int=value): bools are ints in Python.
    const int = typeof value === "boolean" ? (value ? 1 : 0) : value;
    if (!Number.isInteger(int) || int < 0) return "invalid";
    hex = BigInt(int).toString(16).padStart(32, "0");
    if (hex.length > 32) return "invalid";
  } else if (typeof value === "string") {
    hex = value
      .replaceAll("urn:", "")
      .replaceAll("uuid:", "")
      .replace(/^[{}]+|[{}]+$/g, "")
      .replaceAll("-", "");
    if (!/^[0-9a-f]{32}$/i.test(hex)) return "invalid";
  } else {
    return "invalid";
  }
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** DRF's DateTimeField: ISO 8601, `Z` for UTC, microseconds only when not zero. */
export function drfDateTime(date: Date): string {
  const iso = date.toISOString();
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${String(millis).padStart(3, "0")}000Z`;
}

/**
 * Python's `==` between two parsed JSON values (True == 1, dict key order irrelevant): whether
 * PostHog's activity diff sees a change.
 */
export function pythonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "boolean" || typeof b === "boolean" || typeof a === "number" || typeof b === "number") {
    const na = typeof a === "boolean" ? Number(a) : a;
    const nb = typeof b === "boolean" ? Number(b) : b;
    return typeof na === "number" && typeof nb === "number" ? na === nb : false;
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pythonEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(rb, k) && pythonEqual((a as Record<string, unknown>)[k], rb[k]))
  );
}

/** `json.dumps(value)` with Python's defaults: `", "` and `": "` separators, non-ASCII escaped. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pythonNumber(value);
  if (typeof value === "string") {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`)
    .join(", ")}}`;
}
