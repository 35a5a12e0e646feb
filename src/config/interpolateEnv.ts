/** A `${VAR}` that has no value and no `:-default`. */
export interface MissingVariable {
  readonly path: string;
  readonly variable: string;
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed YAML tree.
 * Interpolation runs on the parsed tree, not the file text, so a value can never break the YAML structure.
 * @returns the new tree and the placeholders that had no value, by path.
 */
export function interpolateEnv(
  tree: unknown,
  env: Readonly<Record<string, string | undefined>>,
): { value: unknown; missing: MissingVariable[] } {
  const missing: MissingVariable[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (_whole, name: string, fallback: string | undefined) => {
        const value = env[name];
        if (value !== undefined && value !== '') return value;
        if (fallback !== undefined) return fallback;
        missing.push({ path, variable: name });
        return '';
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => [key, walk(value, path ? `${path}.${key}` : key)]),
      );
    }
    return node;
  };
  return { value: walk(tree, ''), missing };
}
