/**
 * An in-process fake of Discord for tests: REST under http://127.0.0.1:PORT/api/v10 and a gateway WebSocket
 * on the same port, enough for the real discord.js Client to log in, receive interactions and answer them.
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiRoot } });
 *   await client.login(fake.token);
 *   const { token } = fake.dispatchInteraction({ name: 'apy' });
 *   const call = await fake.waitFor((c) => c.route === 'POST /interactions/:id/:token/callback' && c.path.includes(token));
 *   fake.pressComponent({ kind: 'button', messageId, customId: '1e/lang zh' }); // a press on a message the bot sent
 *
 * REST: GET /gateway/bot, GET /users/@me, GET/PUT application commands (global and guild), interaction
 * callbacks (a component's UPDATE_MESSAGE too), webhook edits and follow-ups, POST /channels/{id}/messages. Bodies are checked against Discord's
 * limits (content 2000, embed description 4096, total 6000, 25 autocomplete choices…) and answered 400 with
 * code 50035 like Discord, so a rendering bug fails here rather than in production. Auth routes need
 * `Authorization: Bot <token>` (401 otherwise); faults (429 with Retry-After and X-RateLimit-* headers, 403
 * 50013, 404 10003, 500) are injected with `failNext`.
 *
 * Gateway: HELLO (op 10) → IDENTIFY (op 2; a wrong token is closed with 4004) → READY (user, guilds,
 * application, session_id, resume_gateway_url) and one GUILD_CREATE per guild; heartbeats (op 1) are
 * acknowledged (op 11); RESUME (op 6) is answered with INVALID_SESSION so the client identifies again.
 *
 * Everything is recorded (`calls`, `frames`, `messages`); tests wait on events (`waitFor`,
 * `waitForFrame`), never on time. Differences from Discord: Retry-After may be fractional (Discord rounds
 * the header up to whole seconds) so tests stay fast; interactions do not expire after 3 s.
 *
 * Layout (test/fakes/discord/): types, discordState (application, guilds, commands, interactions, faults,
 * recording), validateMessage, one file per group of routes (botRoutes, applicationCommandRoutes,
 * interactionRoutes, channelRoutes), gatewayEvents and dispatchInteraction, httpTransport and gatewayTransport.
 */
import { applicationCommandRoutes } from './discord/applicationCommandRoutes.ts';
import { botRoutes } from './discord/botRoutes.ts';
import { channelRoutes } from './discord/channelRoutes.ts';
import { createDiscordState } from './discord/discordState.ts';
import { dispatchInteraction, pressComponent } from './discord/dispatchInteraction.ts';
import { gatewayEvents } from './discord/gatewayEvents.ts';
import { createGatewayTransport } from './discord/gatewayTransport.ts';
import { startDiscordServer } from './discord/httpTransport.ts';
import { interactionRoutes } from './discord/interactionRoutes.ts';
import type { FakeDiscord, FakeDiscordOptions } from './discord/types.ts';

export type { ComponentParams, FakeDiscord, FakeDiscordOptions, Fault, GatewayFrame, InteractionParams, Json, RestCall, SentMessage } from './discord/types.ts';

/** Starts the fake on a free loopback port: state, the routes by group, the gateway, the HTTP server. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = createDiscordState();
  const routes = [...botRoutes(state), ...applicationCommandRoutes(state), ...interactionRoutes(state), ...channelRoutes(state)];
  const gateway = createGatewayTransport(state, gatewayEvents(state, options));
  const server = await startDiscordServer(state, routes, gateway.handleUpgrade);
  state.listeningOn(server.port);
  let closePromise: Promise<void> | undefined;

  return {
    apiRoot: `http://127.0.0.1:${server.port}/api`,
    gatewayUrl: state.gatewayUrl(),
    token: state.token,
    applicationId: state.applicationId,
    guilds: state.guilds,
    calls: state.calls,
    frames: state.frames,
    messages: state.messages,
    identifies: state.identifies,

    registeredCommands(guildId) {
      return state.commands.get(guildId ?? 'global');
    },

    dispatchInteraction(params) {
      const session = gateway.latestIdentified();
      if (!session) throw new Error('dispatchInteraction: no identified gateway connection (is the client logged in?)');
      return dispatchInteraction(state, session, params);
    },

    pressComponent(params) {
      const session = gateway.latestIdentified();
      if (!session) throw new Error('pressComponent: no identified gateway connection (is the client logged in?)');
      return pressComponent(state, session, params);
    },

    latestMessage(messageId) {
      return state.latestMessage(messageId);
    },

    responsesTo(interaction) {
      return state.calls.filter((c) => c.path.includes(`/interactions/${interaction.id}/`) || c.path.includes(`/${interaction.token}`));
    },

    waitFor(predicate, timeoutMs = 10_000) {
      return state.waitOn('call', state.calls, predicate, timeoutMs, 'a matching REST call');
    },

    waitForFrame(predicate, timeoutMs = 10_000) {
      return state.waitOn('frame', state.frames, predicate, timeoutMs, 'a matching gateway frame');
    },

    failNext(request, fault) {
      state.addFault(request, fault);
    },

    closeGateway(code, reason) {
      gateway.closeAll(code, reason);
    },

    close() {
      closePromise ??= (async () => {
        state.markClosed();
        await gateway.close();
        await server.close();
      })();
      return closePromise;
    },
  };
}
