// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {MockLockingInfo} from "./MockLockingInfo.sol";

/// @notice View ABI and events of Metis' LockingPool (Ethereum L1), sequencers included, with open setters for tests.
/// @dev `sequencers(uint256)` returns the mainnet 13-member struct (the public getter keeps the `bytes pubkey`), the
/// enum as uint8: 0 Unavailable, 1 Inactive (exiting), 2 Active, 3 Unlocked. Every lock change is logged through
/// the escrow (MockLockingInfo), which keeps totalLocked: it rises with a lock and falls only when an exit is claimed.
contract MockLockingPool {
    enum Status {
        Unavailable,
        Inactive,
        Active,
        Unlocked
    }

    struct Sequencer {
        uint256 amount;
        uint256 reward;
        uint256 activationBatch;
        uint256 updatedBatch;
        uint256 deactivationBatch;
        uint256 deactivationTime;
        uint256 unlockClaimTime;
        uint256 nonce;
        address owner;
        address signer;
        bytes pubkey;
        address rewardRecipient;
        Status status;
    }

    address public escrow;
    uint256 public rewardPerBlock;
    uint256 public exitDelayPeriod;
    uint256 public currentBatch;
    uint256 public totalSequencers;
    mapping(uint256 => Sequencer) public sequencers;
    mapping(Status => uint256) public seqStatuses;

    event DistributeReward(uint256 indexed batchId, uint256 startEpoch, uint256 endEpoch, uint256 amount, uint256 rpb);
    event RewardUpdate(uint256 newReward, uint256 oldReward);

    constructor(address escrow_, uint256 rewardPerBlock_, uint256 exitDelay_) {
        escrow = escrow_;
        rewardPerBlock = rewardPerBlock_;
        exitDelayPeriod = exitDelay_;
    }

    // solhint-disable-next-line func-name-mixedcase
    function BLOCK_REWARD() external view returns (uint256) {
        return rewardPerBlock;
    }

    // solhint-disable-next-line func-name-mixedcase
    function WITHDRAWAL_DELAY() external view returns (uint256) {
        return exitDelayPeriod;
    }

    function setRewardPerBlock(uint256 newReward) external {
        uint256 oldReward = rewardPerBlock;
        rewardPerBlock = newReward;
        emit RewardUpdate(newReward, oldReward);
    }

    function setExitDelay(uint256 exitDelay_) external {
        exitDelayPeriod = exitDelay_;
    }

    /// @notice Records one reward batch: increments currentBatch, emits DistributeReward with the current rewardPerBlock
    /// and raises every active sequencer's `reward` by its pro-rata part of `amount` (floor of amount × its lock ÷ the
    /// active locks), so each earns at the same rate on what it locks.
    function distributeReward(uint256 startEpoch, uint256 endEpoch, uint256 amount) external returns (uint256 batchId) {
        batchId = ++currentBatch;
        uint256 activeLocked;
        for (uint256 id = 1; id <= totalSequencers; id++) {
            if (sequencers[id].status == Status.Active) activeLocked += sequencers[id].amount;
        }
        if (activeLocked > 0) {
            for (uint256 id = 1; id <= totalSequencers; id++) {
                Sequencer storage seq = sequencers[id];
                if (seq.status != Status.Active) continue;
                seq.reward += (amount * seq.amount) / activeLocked;
                seq.updatedBatch = batchId;
            }
        }
        emit DistributeReward(batchId, startEpoch, endEpoch, amount, rewardPerBlock);
    }

    /// @notice A whitelisted sequencer that has not locked yet: an id in status Unavailable, nothing locked.
    function register(address owner, address signer, bytes calldata pubkey, address rewardRecipient) external returns (uint256 seqId) {
        seqId = _newSequencer(owner, signer, pubkey, rewardRecipient);
        seqStatuses[Status.Unavailable]++;
    }

    /// @notice A new active sequencer locking `amount` METIS (Locked event, totalLocked rises).
    function lock(address owner, address signer, bytes calldata pubkey, address rewardRecipient, uint256 amount) external returns (uint256 seqId) {
        require(amount > 0, "amount 0");
        seqId = _newSequencer(owner, signer, pubkey, rewardRecipient);
        Sequencer storage seq = sequencers[seqId];
        seq.amount = amount;
        seq.activationBatch = currentBatch;
        seq.updatedBatch = currentBatch;
        seq.nonce = 1;
        seq.status = Status.Active;
        seqStatuses[Status.Active]++;
        MockLockingInfo(escrow).logLocked(signer, pubkey, seqId, 1, currentBatch, amount);
    }

    /// @notice An active sequencer adds `amount` (Relocked and LockUpdate events, totalLocked rises).
    function relock(uint256 seqId, uint256 amount) external {
        Sequencer storage seq = sequencers[seqId];
        require(seq.status == Status.Active, "not active");
        seq.amount += amount;
        seq.nonce++;
        seq.updatedBatch = currentBatch;
        MockLockingInfo(escrow).logRelocked(seqId, amount, seq.nonce, seq.amount);
    }

    /// @notice An active sequencer starts its exit: Inactive, claimable after exitDelayPeriod (UnlockInit). Its METIS
    /// stays locked (and in totalLocked) until unlock().
    function unlockInit(uint256 seqId) external {
        Sequencer storage seq = sequencers[seqId];
        require(seq.status == Status.Active, "not active");
        seq.status = Status.Inactive;
        seqStatuses[Status.Active]--;
        seqStatuses[Status.Inactive]++;
        seq.deactivationBatch = currentBatch;
        seq.deactivationTime = block.timestamp;
        seq.unlockClaimTime = block.timestamp + exitDelayPeriod;
        seq.nonce++;
        MockLockingInfo(escrow).logUnlockInit(seq.owner, seqId, seq.nonce, currentBatch, block.timestamp, seq.unlockClaimTime, seq.amount);
    }

    /// @notice An exiting sequencer claims its exit once unlockClaimTime has come: its unclaimed reward is paid
    /// (ClaimRewards), its lock leaves (Unlocked, totalLocked falls) and it ends Unlocked with nothing locked.
    function unlock(uint256 seqId) external {
        Sequencer storage seq = sequencers[seqId];
        require(seq.status == Status.Inactive, "not exiting");
        require(block.timestamp >= seq.unlockClaimTime, "exit not claimable yet");
        uint256 amount = seq.amount;
        if (seq.reward > 0) _claim(seqId);
        seq.amount = 0;
        seq.nonce++;
        seq.status = Status.Unlocked;
        seqStatuses[Status.Inactive]--;
        seqStatuses[Status.Unlocked]++;
        MockLockingInfo(escrow).logUnlocked(seq.owner, seqId, amount);
    }

    /// @notice Pays a sequencer's unclaimed reward to its recipient (ClaimRewards); its `reward` restarts from 0.
    function claimRewards(uint256 seqId) external {
        require(seqId >= 1 && seqId <= totalSequencers, "no such sequencer");
        _claim(seqId);
    }

    function _claim(uint256 seqId) private {
        Sequencer storage seq = sequencers[seqId];
        uint256 amount = seq.reward;
        seq.reward = 0;
        MockLockingInfo(escrow).logClaimRewards(seqId, seq.rewardRecipient, amount);
    }

    function _newSequencer(address owner, address signer, bytes calldata pubkey, address rewardRecipient) private returns (uint256 seqId) {
        seqId = ++totalSequencers;
        Sequencer storage seq = sequencers[seqId];
        seq.owner = owner;
        seq.signer = signer;
        seq.pubkey = pubkey;
        seq.rewardRecipient = rewardRecipient;
    }
}
