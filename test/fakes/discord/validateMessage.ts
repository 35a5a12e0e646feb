import { FakeDiscordError, invalidForm, isObject, text, type Json } from './types.ts';

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
  const hasContent = typeof content === 'string' && content.length > 0;
  const hasEmbeds = Array.isArray(embeds) && embeds.length > 0;
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (requireSomething && !hasContent && !hasEmbeds && !hasAttachments) throw new FakeDiscordError(400, 50006, 'Cannot send an empty message');
}
