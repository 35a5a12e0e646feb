import { keccak256, type Address, type Hex } from 'viem';

const E18 = 10n ** 18n;

/** What a devnet sequencer is left in by deployDevnet. */
export type DevnetSequencerFate = 'active' | 'exiting' | 'exited' | 'unavailable';

export interface DevnetSequencer {
  /** LockingPool id: the sequencers are created in this order, so ids are 1, 2, … */
  readonly seqId: number;
  /** The operator label config/devnet.yaml gives its owner. */
  readonly name: string;
  /** The liquid-staking protocol that runs it (config/devnet.yaml `lst`), none for an independent operator. */
  readonly lst?: 'ENKI' | 'Artemis';
  readonly owner: Address;
  readonly signer: Address;
  /** METIS wei locked at creation (0: registered, never locked). */
  readonly locked: bigint;
  readonly fate: DevnetSequencerFate;
}

/**
 * The LockingPool's sequencers after deployDevnet: five active (two ENKI, one Artemis, two independent), one
 * exiting (its exit claimable DEVNET_INITIAL.l1.exitingClaimDelaySeconds after deployment), one exited and one
 * registered without a lock, so every status 0-3 is on chain. Owners and signers are keccak256("devnet sequencer
 * <id> owner|signer") truncated, fixed so config/devnet.yaml can label them. The METIS in the base (active plus
 * exiting) adds up to DEVNET_INITIAL.l1.totalLocked.
 */
export const DEVNET_SEQUENCERS: readonly DevnetSequencer[] = [
  { seqId: 1, name: 'Genesis1', owner: '0x25b4e6b2e7A0BA52f62846eBf25DfAbdd4CCa435', signer: '0x5D963b6Dfe8D68ebBDA5478633dd04efaeBB9C2f', locked: 200_000n * E18, fate: 'active' },
  { seqId: 2, name: 'ENKI0', lst: 'ENKI', owner: '0xeA46e4eb2A16F395A5DAE70eE6f1074a5cA90214', signer: '0x84A483278891cF057a71Ca983df9c9659f9DB66E', locked: 200_000n * E18, fate: 'active' },
  { seqId: 3, name: 'ENKI1', lst: 'ENKI', owner: '0x0845731f0295EAD9687222bF4aD844FAc50B2073', signer: '0xE2Aa08B162eE62F36b909b62AD92DCDdC01320b7', locked: 150_000n * E18, fate: 'active' },
  { seqId: 4, name: 'ArtemisNode', lst: 'Artemis', owner: '0x2809f78f48C677597a0388B8951FF5987211e4f4', signer: '0x762308c6dFe48D9F0F564f3A64A298E076D5194c', locked: 200_000n * E18, fate: 'active' },
  { seqId: 5, name: 'Bedrock', owner: '0x1bE897c4a016c3D8039E1e92f0C9f710F6426c6C', signer: '0xb9005bAD95296B8ab7Dda573D10418c5646746aB', locked: 150_000n * E18, fate: 'active' },
  { seqId: 6, name: 'Retired', owner: '0x71A9c3AC5a32D95a44199d1bf8b40D1F0d2B495A', signer: '0x89AF9c728a571B6Bfc3118BbE75429f9A886df6b', locked: 50_000n * E18, fate: 'exited' },
  { seqId: 7, name: 'Newcomer', owner: '0xe41a0BC448bd77F1e1768B92E6a8445537E96a65', signer: '0x1CB33A48CA592080D3eA152cbF21d8415Ae2159f', locked: 0n, fate: 'unavailable' },
  { seqId: 8, name: 'Leaving', owner: '0x37aBb215490962160f6bAcDB5c17Aa59A8960ae2', signer: '0xBbEe907544b2A23aA4b494F4731492A16D81ba0A', locked: 100_000n * E18, fate: 'exiting' },
];

/** A sequencer's 64-byte public key as the devnet stores it: keccak256 of its signer, twice (any bytes do for a mock). */
export function devnetPubkey(signer: Address): Hex {
  const h = keccak256(signer);
  return `${h}${h.slice(2)}` as Hex;
}
