import type Database from 'better-sqlite3';
import type { Address } from 'viem';
import type { HistoryStore, Observation, StoredSequencerRead } from './historyStore.ts';

interface SequencerReadRow {
  seq_id: number;
  block_time: number;
  status: number;
  amount: string;
  reward: string;
  owner: string;
  signer: string;
  reward_recipient: string;
  activation_batch: string;
  deactivation_time: number;
  unlock_claim_time: number;
}

const toSequencerRead = (row: SequencerReadRow): StoredSequencerRead => ({
  seqId: row.seq_id,
  blockTime: row.block_time,
  status: row.status,
  amount: BigInt(row.amount),
  reward: BigInt(row.reward),
  owner: row.owner as Address,
  signer: row.signer as Address,
  rewardRecipient: row.reward_recipient as Address,
  activationBatch: BigInt(row.activation_batch),
  deactivationTime: row.deactivation_time,
  unlockClaimTime: row.unlock_claim_time,
});

/** The sequencer reads of the SQLite store: written with each observation, read back per id at or before a time. */
export function sqliteSequencerReads(db: Database.Database): Pick<HistoryStore, 'sequencersAt' | 'sequencerAt' | 'sequencerReads'> & { add(o: Observation): void } {
  const statements = {
    addSequencerRead: db.prepare(
      `INSERT OR REPLACE INTO sequencer_reads (source_id, seq_id, block_time, status, amount, reward, owner, signer, reward_recipient, activation_batch, deactivation_time, unlock_claim_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The newest read per id at or before a time: one index search per id, not a scan of the history.
    maxSequencerId: db.prepare('SELECT MAX(seq_id) AS n FROM sequencer_reads WHERE source_id = ?'),
    sequencerAt: db.prepare('SELECT * FROM sequencer_reads WHERE source_id = ? AND seq_id = ? AND block_time <= ? ORDER BY block_time DESC LIMIT 1'),
    sequencerReads: db.prepare('SELECT * FROM sequencer_reads WHERE source_id = ? AND seq_id = ? AND block_time >= ? AND block_time <= ? ORDER BY block_time'),
  };
  return {
    add(o) {
      for (const r of o.sequencers ?? []) {
        statements.addSequencerRead.run(o.sourceId, r.seqId, o.blockTime, r.status, r.amount.toString(), r.reward.toString(), r.owner, r.signer, r.rewardRecipient, r.activationBatch.toString(), r.deactivationTime, r.unlockClaimTime);
      }
    },
    sequencersAt(sourceId, time) {
      const { n } = statements.maxSequencerId.get(sourceId) as { n: number | null };
      const ids = Array.from({ length: n ?? 0 }, (_, i) => i + 1);
      return ids.flatMap((id) => {
        const row = statements.sequencerAt.get(sourceId, id, time) as SequencerReadRow | undefined;
        return row ? [toSequencerRead(row)] : [];
      });
    },
    sequencerAt(sourceId, seqId, time) {
      const row = statements.sequencerAt.get(sourceId, seqId, time) as SequencerReadRow | undefined;
      return row && toSequencerRead(row);
    },
    sequencerReads(sourceId, seqId, fromTime, toTime) {
      return (statements.sequencerReads.all(sourceId, seqId, fromTime, toTime) as SequencerReadRow[]).map(toSequencerRead);
    },
  };
}
