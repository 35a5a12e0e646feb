// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice View ABI and events of Metis' LockingPool (Ethereum L1), with open setters for tests.
contract MockLockingPool {
    address public escrow;
    uint256 public rewardPerBlock;
    uint256 public exitDelayPeriod;
    uint256 public currentBatch;

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

    /// @notice Records one reward batch: increments currentBatch and emits DistributeReward with the current rewardPerBlock.
    function distributeReward(uint256 startEpoch, uint256 endEpoch, uint256 amount) external returns (uint256 batchId) {
        batchId = ++currentBatch;
        emit DistributeReward(batchId, startEpoch, endEpoch, amount, rewardPerBlock);
    }
}
