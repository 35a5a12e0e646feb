import { BaseError } from '../vocabulary/baseError.ts';

/** Kept apart from discordBot.ts so main can recognise the error without loading discord.js. */
/**
 * `gateway-refused`: the gateway closed with a code it will not reconnect after (invalid intents, API version,
 * sharding): a setting to fix, not an outage.
 */
export type DiscordStartProblem = 'token-rejected' | 'wrong-application' | 'gateway-refused';

/** Why Discord could not start, in words a person can act on. */
export class DiscordStartError extends BaseError {
  override name = 'DiscordStartError';
  constructor(
    readonly problem: DiscordStartProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
