import { bold, type Inline } from '../vocabulary/reply.ts';
import type { Level } from './rules/levelRule.ts';

/** An alert open in a chat, for /alerts and the digest. */
export interface OpenAlert {
  readonly rule: string;
  readonly sourceId: string;
  readonly level: Level;
  readonly since?: number;
  readonly value?: number;
}

/** A chat's open alerts as one labelled line, for /alerts and the digest. */
export function openAlertsLine(label: string, open: readonly OpenAlert[]): Inline[] {
  return [bold(label), open.length === 0 ? ': none' : `: ${open.map((a) => `${a.rule} ${a.sourceId} (${a.level})`).join(' · ')}`];
}
