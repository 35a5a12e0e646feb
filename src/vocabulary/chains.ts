/** Multicall3's address: the same on every EVM chain it is deployed to (Ethereum, Metis, and the devnet puts it there). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;
