/**
 * Shows an RPC URL without the parts that usually carry an API key (path, query, credentials).
 * @example redactUrl('https://mainnet.infura.io/v3/abc123') // 'https://mainnet.infura.io/…'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hidden = parsed.pathname.length > 1 || parsed.search !== '' || parsed.username !== '';
    return `${parsed.protocol}//${parsed.host}${hidden ? '/…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}
