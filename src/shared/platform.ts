/** Where a chat lives. The console is the local chat (`npm run chat`, the demo). */
export type Platform = 'telegram' | 'discord' | 'console';

/** The platforms reached over the network, which can be up or down. */
export type ConnectedPlatform = Exclude<Platform, 'console'>;
