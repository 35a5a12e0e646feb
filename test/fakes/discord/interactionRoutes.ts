import type { DiscordState } from './discordState.ts';
import { FakeDiscordError, invalidForm, isObject, ok, text, type Json, type Route, type RouteResult } from './types.ts';
import { validateMessage } from './validateMessage.ts';

/** Callback types: 4 reply, 5 deferred reply, 6 deferred update, 7 update the component's message, 8 autocomplete choices, 9 modal. */
const ALLOWED_CALLBACKS = { command: [4, 5, 9], autocomplete: [8], component: [4, 5, 6, 7, 9] } as const;
const INTERACTION_TYPES = { command: 2, autocomplete: 4, component: 3 } as const;

/** A message after an edit or update: content, embeds, components and attachments replaced where the body names them. */
function updatedMessage(original: Json, patch: Json): Json {
  const edited: Json = {
    ...original,
    ...(patch.content !== undefined ? { content: patch.content ?? '' } : {}),
    ...(patch.embeds !== undefined ? { embeds: patch.embeds ?? [] } : {}),
    ...(patch.components !== undefined ? { components: patch.components ?? [] } : {}),
    ...(patch.attachments !== undefined ? { attachments: patch.attachments ?? [] } : {}),
    edited_timestamp: new Date().toISOString(),
  };
  const hasAttachments = Array.isArray(edited.attachments) && edited.attachments.length > 0;
  if (!text(edited.content) && (!Array.isArray(edited.embeds) || edited.embeds.length === 0) && !hasAttachments) {
    throw new FakeDiscordError(400, 50006, 'Cannot send an empty message');
  }
  return edited;
}

/**
 * Answers to interactions: the callback (POST /interactions/{id}/{token}/callback), the original response
 * behind the webhook (GET, PATCH, DELETE …/messages/@original) and follow-ups (POST /webhooks/{app}/{token}).
 * They authenticate by the interaction token, not the bot token.
 */
export function interactionRoutes(state: DiscordState): Route[] {
  function callback(m: RegExpExecArray, body: unknown, query: Record<string, string>): RouteResult {
    const interaction = state.interactionFor(m[1]!, m[2]!);
    if (interaction.acknowledged !== undefined) throw new FakeDiscordError(400, 40060, 'Interaction has already been acknowledged.');
    if (!isObject(body) || typeof body.type !== 'number') throw invalidForm('type', 'This field is required');
    const type = body.type;
    const data = isObject(body.data) ? body.data : {};
    if (!(ALLOWED_CALLBACKS[interaction.kind] as readonly number[]).includes(type)) {
      throw new FakeDiscordError(400, 40043, 'This interaction type does not accept that response type');
    }
    if (type === 8) {
      const choices = data.choices;
      if (!Array.isArray(choices) || choices.length > 25) throw invalidForm('data.choices', 'Must be 25 or fewer in length.');
      for (const [i, c] of choices.entries()) {
        if (!isObject(c) || text(c.name).length < 1 || text(c.name).length > 100) throw invalidForm(`data.choices.${i}.name`, 'Must be between 1 and 100 in length.');
        if (typeof c.value === 'string' && c.value.length > 100) throw invalidForm(`data.choices.${i}.value`, 'Must be 100 or fewer in length.');
      }
    } else if (type === 4) {
      validateMessage(data, true);
    } else if (type === 7) {
      validateMessage(data, false);
    }
    interaction.acknowledged = type;
    let message: Json | undefined;
    if (type === 7 && interaction.message) {
      // UPDATE_MESSAGE: the message the component sits on, with what the body names replaced.
      message = updatedMessage(interaction.message, data);
      interaction.message = message;
      state.messages.push({ kind: 'update', channelId: interaction.channelId, interactionId: interaction.id, body: data, message });
    }
    if (type === 4 || type === 5) {
      message = state.messageObject(interaction.channelId, type === 4 ? data : { flags: data.flags }, {
        type: 20,
        application_id: state.applicationId,
        webhook_id: state.applicationId,
        interaction_metadata: {
          id: interaction.id,
          type: INTERACTION_TYPES[interaction.kind],
          ...(interaction.user ? { user: interaction.user } : {}),
          authorizing_integration_owners: interaction.guildId ? { '0': interaction.guildId } : { '1': String(interaction.user?.id ?? '') },
          ...(interaction.message ? { interacted_message_id: interaction.message.id } : {}),
        },
      });
      interaction.original = message;
      state.messages.push({ kind: type === 4 ? 'reply' : 'deferred', channelId: interaction.channelId, interactionId: interaction.id, body: data, message });
    }
    if (query.with_response === 'true') {
      return ok({ interaction: { id: interaction.id, type: INTERACTION_TYPES[interaction.kind] }, ...(message ? { resource: { type, message } } : {}) });
    }
    return { status: 204 };
  }

  function originalMessage(method: 'GET' | 'PATCH' | 'DELETE') {
    return (m: RegExpExecArray, body: unknown): RouteResult => {
      const interaction = state.webhookInteraction(m[1]!, m[2]!);
      const original = interaction.original;
      if (m[3] !== '@original' || !original) throw new FakeDiscordError(404, 10008, 'Unknown Message');
      if (method === 'GET') return ok(original);
      if (method === 'DELETE') {
        interaction.original = undefined;
        return { status: 204 };
      }
      const patch = isObject(body) ? body : {};
      validateMessage(patch, false);
      const edited = updatedMessage(original, patch);
      interaction.original = edited;
      state.messages.push({ kind: 'edit', channelId: interaction.channelId, interactionId: interaction.id, body: patch, message: edited });
      return ok(edited);
    };
  }

  function followUp(m: RegExpExecArray, body: unknown, query: Record<string, string>): RouteResult {
    const interaction = state.webhookInteraction(m[1]!, m[2]!);
    if (interaction.acknowledged === undefined) throw new FakeDiscordError(400, 40060, 'Interaction has not been acknowledged.');
    const data = isObject(body) ? body : {};
    validateMessage(data, true);
    const message = state.messageObject(interaction.channelId, data, { application_id: state.applicationId, webhook_id: state.applicationId });
    state.messages.push({ kind: 'followup', channelId: interaction.channelId, interactionId: interaction.id, body: data, message });
    return query.wait === 'true' ? ok(message) : { status: 204 };
  }

  return [
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, name: 'POST /interactions/:id/:token/callback', auth: false, handle: callback },
    ...(['GET', 'PATCH', 'DELETE'] as const).map(
      (method): Route => ({
        method,
        pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
        name: `${method} /webhooks/:app/:token/messages/:message`,
        auth: false,
        handle: originalMessage(method),
      }),
    ),
    { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, name: 'POST /webhooks/:app/:token', auth: false, handle: followUp },
  ];
}
