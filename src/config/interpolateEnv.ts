/** A `${VAR}` that has no value and no `:-default`. */
export interface MissingVariable {
  readonly path: readonly (string | number)[];
  readonly variable: string;
}

/** A string that took (part of) its value from the environment; such values are never shown in a problem. */
export interface EnvDerivedValue {
  readonly path: readonly (string | number)[];
  readonly variables: readonly string[];
}

/** A `${` that does not open a placeholder (`${ETH_RPC_URL` unclosed, `${rpc-url}`): it would stay as literal text. */
export interface MalformedPlaceholder {
  readonly path: readonly (string | number)[];
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed YAML tree.
 * Interpolation runs on the parsed tree, not the file text, so a value can never break the YAML structure.
 * @returns the new tree, the placeholders that had no value, the strings that took a value from the
 * environment (a default written in the file does not count), and the `${` that open no placeholder, by path.
 */
export function interpolateEnv(
  tree: unknown,
  env: Readonly<Record<string, string | undefined>>,
): { value: unknown; missing: MissingVariable[]; fromEnv: EnvDerivedValue[]; malformed: MalformedPlaceholder[] } {
  const missing: MissingVariable[] = [];
  const fromEnv: EnvDerivedValue[] = [];
  const malformed: MalformedPlaceholder[] = [];
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      if (node.replace(PLACEHOLDER, '').includes('${')) malformed.push({ path });
      const variables: string[] = [];
      const replaced = node.replace(PLACEHOLDER, (_whole, name: string, fallback: string | undefined) => {
        const value = env[name];
        if (value !== undefined && value !== '') {
          variables.push(name);
          return value;
        }
        if (fallback !== undefined) return fallback;
        missing.push({ path, variable: name });
        return '';
      });
      if (variables.length > 0) fromEnv.push({ path, variables });
      return replaced;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, [...path, key])]));
    }
    return node;
  };
  return { value: walk(tree, []), missing, fromEnv, malformed };
}
