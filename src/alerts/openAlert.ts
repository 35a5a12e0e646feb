import type { Level } from './rules/levelRule.ts';

/** An alert open in a chat, for /alerts and the digest. */
export interface OpenAlert {
  readonly rule: string;
  readonly sourceId: string;
  readonly level: Level;
  readonly since?: number;
  readonly value?: number;
}
