import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Block, Reply } from '../vocabulary/reply.ts';

/** Where the console writes pictures unless told otherwise. */
export const defaultImageDir = () => join(tmpdir(), 'metis-yield-bot-charts');

/**
 * Writes every picture of a reply to `dir` (created when missing) and puts a line with the file's path in its
 * place, so a terminal, which cannot show a PNG, can still hand it to a viewer. A file that cannot be written
 * becomes a line saying why; nothing throws.
 */
export function saveReplyImages(reply: Reply, dir: string = defaultImageDir()): Reply {
  if (!reply.blocks.some((b) => b.kind === 'image')) return reply;
  const blocks = reply.blocks.map((block): Block => {
    if (block.kind !== 'image') return block;
    // The name comes from our own command, but a path must never leave the folder.
    const path = join(dir, basename(block.filename).replace(/[^\w.-]/g, '_'));
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, block.png);
      return { kind: 'paragraph', parts: [`${block.alt}\nPicture written to ${path}`] };
    } catch (error) {
      return { kind: 'paragraph', parts: [`${block.alt}\nCould not write the picture to ${path}: ${error instanceof Error ? error.message : String(error)}`] };
    }
  });
  return { ...reply, blocks };
}
