/** Where a chat lives. The console is the local chat (`npm run chat`, the demo). */
export const PLATFORMS = ['telegram', 'discord', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The platforms reached over the network, which can be up or down. */
export type ConnectedPlatform = Exclude<Platform, 'console'>;
