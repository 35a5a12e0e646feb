// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice View ABI of Metis' LockingInfo (Ethereum L1), with open setters for tests.
contract MockLockingInfo {
    uint256 public totalLocked;
    uint256 public totalRewardsLiquidated;
    uint256 public minLock = 20_000 ether;
    uint256 public maxLock = 100_000 ether;

    function setTotalLocked(uint256 amount) external {
        totalLocked = amount;
    }

    function addRewardsLiquidated(uint256 amount) external {
        totalRewardsLiquidated += amount;
    }

    function setLockLimits(uint256 min_, uint256 max_) external {
        minLock = min_;
        maxLock = max_;
    }
}
