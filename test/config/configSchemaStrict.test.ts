import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema } from '../../src/config/configSchema.ts';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
}

/** Every object schema inside a schema, by path, through wrappers, lists, records and unions. */
function objectsIn(schema: z.ZodType, path = 'config'): { path: string; strict: boolean }[] {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'object':
      return [
        { path, strict: def.catchall?._zod.def.type === 'never' },
        ...Object.entries(def.shape ?? {}).flatMap(([key, field]) => objectsIn(field, `${path}.${key}`)),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return objectsIn(def.innerType!, path);
    case 'pipe':
      return [...objectsIn(def.in!, path), ...objectsIn(def.out!, path)];
    case 'array':
      return objectsIn(def.element!, `${path}[]`);
    case 'record':
      return objectsIn(def.valueType!, `${path}.*`);
    case 'union':
      return def.options!.flatMap((option, i) => objectsIn(option, `${path}|${i}`));
    default:
      return [];
  }
}

describe('configSchema', () => {
  it('GIVEN every object in the schema, however deep THEN each refuses unknown keys (a section added later as z.object would drop typos in silence)', () => {
    const objects = objectsIn(configSchema);
    expect(objects.length).toBeGreaterThanOrEqual(20); // the top level, its sections, chains, tokens, each source kind, views, namedView…
    expect(objects.map((o) => o.path)).toEqual(expect.arrayContaining(['config', 'config.poll', 'config.tower', 'config.alerts.operatorChat', 'config.delivery.telegram']));
    expect(objects.some((o) => o.path.endsWith('.views'))).toBe(true);
    expect(objects.filter((o) => !o.strict).map((o) => o.path)).toEqual([]);
  });
});
