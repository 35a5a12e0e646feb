const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/**
 * Parses a duration such as `90s`, `15m`, `2h`, `7d`, `12w`, `1y` (or a bare number of seconds) into seconds.
 * Returns `undefined` for anything else, so callers can name the bad part.
 * @example parseDuration('15m') // 900
 */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdwy]?)\s*$/i.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase() || 's';
  const seconds = amount * (UNIT_SECONDS[unit] ?? Number.NaN);
  return Number.isFinite(seconds) ? seconds : undefined;
}
