import { FakeDiscordError, invalidForm, isObject, text, type Json } from './types.ts';

/**
 * Checks message components as Discord does: at most 5 action rows (type 1); a row holds 1–5 buttons (type 2)
 * or one select menu (3); a button has a style, a label of at most 80 and a custom_id of 1–100 (unique in the
 * message); a string select has a custom_id, 1–25 options, each with a label (≤ 100) and a value of 1–100.
 */
function validateComponents(components: unknown): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) throw invalidForm('components', 'Must be an array.');
  if (components.length > 5) throw invalidForm('components', 'Must be 5 or fewer in length.');
  const ids = new Set<string>();
  const uniqueId = (id: unknown, path: string) => {
    const s = text(id);
    if (s.length < 1 || s.length > 100) throw invalidForm(`${path}.custom_id`, 'Must be between 1 and 100 in length.');
    if (ids.has(s)) throw invalidForm(`${path}.custom_id`, 'Component custom id cannot be duplicated');
    ids.add(s);
  };
  components.forEach((row: unknown, r) => {
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) throw invalidForm(`components.${r}`, 'Must be an action row.');
    const inner = row.components as unknown[];
    if (inner.length < 1 || inner.length > 5) throw invalidForm(`components.${r}.components`, 'Must be between 1 and 5 in length.');
    const selects = inner.filter((c) => isObject(c) && c.type === 3).length;
    if (selects > 0 && inner.length > 1) throw invalidForm(`components.${r}.components`, 'A select menu takes a whole row.');
    inner.forEach((c: unknown, i) => {
      const path = `components.${r}.components.${i}`;
      if (!isObject(c)) throw invalidForm(path, 'Must be an object.');
      if (c.type === 2) {
        if (typeof c.style !== 'number' || c.style < 1 || c.style > 6) throw invalidForm(`${path}.style`, 'Value must be one of (1, 2, 3, 4, 5, 6).');
        if (c.style === 5 ? typeof c.url !== 'string' : c.custom_id === undefined) throw invalidForm(path, 'A button needs a custom_id (a url for a link button).');
        if (c.style !== 5) uniqueId(c.custom_id, path);
        if (text(c.label).length > 80) throw invalidForm(`${path}.label`, 'Must be 80 or fewer in length.');
        if (!text(c.label) && !isObject(c.emoji)) throw invalidForm(path, 'A button needs a label or an emoji.');
      } else if (c.type === 3) {
        uniqueId(c.custom_id, path);
        if (c.placeholder !== undefined && text(c.placeholder).length > 150) throw invalidForm(`${path}.placeholder`, 'Must be 150 or fewer in length.');
        const options = c.options;
        if (!Array.isArray(options) || options.length < 1 || options.length > 25) throw invalidForm(`${path}.options`, 'Must be between 1 and 25 in length.');
        const values = new Set<string>();
        options.forEach((o: unknown, k) => {
          if (!isObject(o)) throw invalidForm(`${path}.options.${k}`, 'Must be an object.');
          const label = text(o.label);
          const value = text(o.value);
          if (label.length < 1 || label.length > 100) throw invalidForm(`${path}.options.${k}.label`, 'Must be between 1 and 100 in length.');
          if (value.length < 1 || value.length > 100) throw invalidForm(`${path}.options.${k}.value`, 'Must be between 1 and 100 in length.');
          if (values.has(value)) throw invalidForm(`${path}.options.${k}.value`, 'Select menu option values must be unique');
          values.add(value);
        });
      } else throw invalidForm(`${path}.type`, 'This component type is not supported here.');
    });
  });
}

/**
 * Checks a message body against Discord's limits (content 2000, 10 embeds, title 256, description 4096,
 * footer 2048, 6000 in all), so a rendering bug fails here rather than in production.
 * `requireSomething`: a new message needs content, an embed or an attachment; an edit does not.
 */
export function validateMessage(body: Json, requireSomething: boolean): void {
  const content = body.content;
  if (content !== undefined && content !== null && typeof content !== 'string') throw invalidForm('content', 'Must be a string.');
  if (typeof content === 'string' && content.length > 2000) throw invalidForm('content', 'Must be 2000 or fewer in length.');
  const embeds = body.embeds;
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds)) throw invalidForm('embeds', 'Must be an array.');
    if (embeds.length > 10) throw invalidForm('embeds', 'Must be 10 or fewer in length.');
    let total = 0;
    embeds.forEach((e: unknown, i) => {
      if (!isObject(e)) throw invalidForm(`embeds.${i}`, 'Must be an object.');
      const title = text(e.title);
      const description = text(e.description);
      const footer = isObject(e.footer) ? text(e.footer.text) : '';
      if (title.length > 256) throw invalidForm(`embeds.${i}.title`, 'Must be 256 or fewer in length.');
      if (description.length > 4096) throw invalidForm(`embeds.${i}.description`, 'Must be 4096 or fewer in length.');
      if (footer.length > 2048) throw invalidForm(`embeds.${i}.footer.text`, 'Must be 2048 or fewer in length.');
      if (!title && !description && !footer && !Array.isArray(e.fields) && !isObject(e.image)) throw invalidForm(`embeds.${i}`, 'Embed is empty.');
      total += title.length + description.length + footer.length;
    });
    if (total > 6000) throw invalidForm('embeds', 'Embed size exceeds maximum size of 6000');
  }
  validateComponents(body.components);
  const hasContent = typeof content === 'string' && content.length > 0;
  const hasEmbeds = Array.isArray(embeds) && embeds.length > 0;
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (requireSomething && !hasContent && !hasEmbeds && !hasAttachments) throw new FakeDiscordError(400, 50006, 'Cannot send an empty message');
}
