/** Raw values as JSON with every bigint written as a decimal string, so no precision is lost. */
export function encodeRawValues(values: Readonly<Record<string, bigint>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.toString()])));
}

/** The inverse of encodeRawValues. */
export function decodeRawValues(json: string): Record<string, bigint> {
  const parsed = JSON.parse(json) as Record<string, string>;
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, BigInt(value)]));
}
