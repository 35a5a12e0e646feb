import { layoutTable, plainText, type Block, type Reply } from '../vocabulary/reply.ts';

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return b.text.toUpperCase();
    case 'paragraph':
      return plainText(b.parts);
    case 'table':
      return layoutTable(b.columns, b.rows).join('\n');
    case 'list':
      return b.items.map((item) => `• ${plainText(item)}`).join('\n');
    case 'note':
      return `(${b.text})`;
    case 'image':
      return `[picture: ${b.alt}]`;
  }
}

/** Renders a reply as plain terminal text. */
export function renderText(reply: Reply): string {
  return reply.blocks.map(block).join('\n\n');
}
