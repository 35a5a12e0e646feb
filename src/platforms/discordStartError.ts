/** Kept apart from discordBot.ts so main can recognise the error without loading discord.js. */
export type DiscordStartProblem = 'token-rejected' | 'wrong-application';

/** Why Discord could not start, in words a person can act on. */
export class DiscordStartError extends Error {
  constructor(
    readonly problem: DiscordStartProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DiscordStartError';
  }
}
