/**
 * A platform-neutral reply. Commands build it; each platform renders it (Telegram HTML, Discord markdown,
 * console text), escaping every dynamic piece there, so no command ever writes markup.
 */
export type Inline =
  | string
  | { readonly text: string; readonly style: 'bold' | 'italic' | 'code' }
  /** A link: `url` is an absolute http(s) URL; platforms show `text` linked to it (the console prints the URL). */
  | { readonly text: string; readonly style: 'link'; readonly url: string };

export interface TableColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly parts: readonly Inline[] }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  /** Small print: what the figures mean and how old they are. */
  | { readonly kind: 'note'; readonly text: string }
  /**
   * A picture (a chart): PNG bytes, a file name ending in .png (letters, digits, . _ - only) and a text
   * alternative, which platforms show where they cannot send a file.
   */
  | { readonly kind: 'image'; readonly png: Uint8Array; readonly filename: string; readonly alt: string };

/**
 * A button: pressing it runs `command`, a command line such as `/apy seMetis`, as if the presser had typed it
 * (same parser, same admin check, same limits), so every button has a typed equivalent and needs no state kept
 * between sending and pressing. `edit`: the answer replaces the message the button sits under (a picker, a
 * chart's window, a settings panel); otherwise it comes as a new message. A 'usage' answer (a mistake, a
 * refusal) only ever goes privately to the presser.
 */
export interface Action {
  readonly label: string;
  readonly command: string;
  readonly edit?: boolean;
}

/** A row under a reply: buttons side by side, or one drop-down (Discord's string select; a row of buttons on Telegram). */
export type Control = { readonly kind: 'buttons'; readonly actions: readonly Action[] } | { readonly kind: 'select'; readonly placeholder: string; readonly actions: readonly Action[] };

export interface Reply {
  /** 'usage' replies explain a mistake; platforms may show them only to the sender. */
  readonly kind: 'answer' | 'usage';
  readonly blocks: readonly Block[];
  /** Rows of buttons and menus under the reply, top first (platforms without them, the console, leave them out). */
  readonly controls?: readonly Control[];
}

export const bold = (text: string): Inline => ({ text, style: 'bold' });
export const code = (text: string): Inline => ({ text, style: 'code' });
export const italic = (text: string): Inline => ({ text, style: 'italic' });
export const link = (text: string, url: string): Inline => ({ text, style: 'link', url });

/** East Asian wide characters (Han, kana, Hangul, full-width forms): two columns in a monospace font. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Lays a table out as fixed-width lines (for monospace blocks); widths count code points, not UTF-16 units,
 * and a wide (Chinese) character as two columns, as monospace fonts draw it.
 */
export function layoutTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string[] {
  const width = (s: string) => [...s].reduce((sum, c) => sum + (WIDE.test(c) ? 2 : 1), 0);
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.align === 'right' ? fill + text : text + fill;
  };
  const line = (cells: readonly string[]) => columns.map((_, i) => pad(cells[i] ?? '', i)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

/** Plain text of inline parts, with no markup; a link is its URL (a terminal makes that clickable, the text would hide it). */
export const plainText = (parts: readonly Inline[]) => parts.map((p) => (typeof p === 'string' ? p : p.style === 'link' ? p.url : p.text)).join('');
