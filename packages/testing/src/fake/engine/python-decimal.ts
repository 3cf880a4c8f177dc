/**
 * Python's `decimal.Decimal` as DRF's DecimalField uses it: parsing `str(data).strip()`, the digit
 * tuple its precision checks count, `str()` (what the activity log stores) and the fixed-point
 * representation a response carries (`"0.40"`).
 */

export interface PyDecimal {
  negative: boolean;
  /** Significant digits without leading zeros ("0" for zero). */
  digits: string;
  exponent: number;
}

const DECIMAL = /^([+-])?(?:(\d+(?:_\d+)*)(?:\.(\d+(?:_\d+)*)?)?|\.(\d+(?:_\d+)*))(?:[eE]([+-]?\d+(?:_\d+)*))?$/;

/** `Decimal(text)`; `undefined` for what Python refuses, NaN and infinities (DRF refuses those too). */
export function parseDecimal(text: string): PyDecimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = "", fraction = "", onlyFraction, exp = "0"] = match;
  const frac = (onlyFraction ?? fraction).replaceAll("_", "");
  const all = `${whole.replaceAll("_", "")}${frac}`.replace(/^0+(?=\d)/, "");
  return { negative: sign === "-", digits: all || "0", exponent: Number(exp.replaceAll("_", "")) - frac.length };
}

/** Digits in total, before and after the point, as DRF's `validate_precision` counts them. */
export function decimalPrecision(value: PyDecimal): { total: number; whole: number; places: number } {
  const length = value.digits.length;
  if (value.exponent >= 0) return { total: length + value.exponent, whole: length + value.exponent, places: 0 };
  const places = -value.exponent;
  if (length > places) return { total: length, whole: length - places, places };
  return { total: places, whole: 0, places };
}

export function decimalToNumber(value: PyDecimal): number {
  return Number(`${value.negative ? "-" : ""}${value.digits}e${value.exponent}`);
}

/** `str(Decimal)`: plain notation unless the exponent is positive or the number is tiny. */
export function decimalStr(value: PyDecimal): string {
  const sign = value.negative ? "-" : "";
  const { digits, exponent } = value;
  const adjusted = exponent + digits.length - 1;
  if (exponent <= 0 && adjusted >= -6) {
    if (exponent === 0) return `${sign}${digits}`;
    const places = -exponent;
    const padded = digits.padStart(places + 1, "0");
    return `${sign}${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}E${adjusted >= 0 ? "+" : ""}${adjusted}`;
}

/** `'{:f}'.format(value.quantize(Decimal(10) ** -places))` for a value with at most `places` decimals. */
export function decimalFixed(value: PyDecimal, places: number): string {
  const scaled = value.digits + "0".repeat(Math.max(0, value.exponent + places));
  const shift = Math.max(0, -(value.exponent + places));
  const integerDigits = shift > 0 ? scaled.slice(0, scaled.length - shift) || "0" : scaled;
  const padded = integerDigits.padStart(places + 1, "0");
  const text = places ? `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}` : padded;
  return `${value.negative ? "-" : ""}${text}`;
}
