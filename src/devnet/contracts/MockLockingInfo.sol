// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice View ABI and sequencer events of Metis' LockingInfo (Ethereum L1), with open setters for tests.
/// @dev The six events carry the mainnet argument lists and `indexed` flags (src/sources/abis.ts lockingInfoEvents).
/// MockLockingPool logs through the log* functions, which keep totalLocked: up with a lock, down when an exit is claimed.
contract MockLockingInfo {
    uint256 public totalLocked;
    uint256 public totalRewardsLiquidated;
    uint256 public minLock = 20_000 ether;
    uint256 public maxLock = 100_000 ether;

    event Locked(address indexed signer, uint256 indexed sequencerId, uint256 nonce, uint256 indexed activationBatch, uint256 amount, uint256 total, bytes signerPubkey);
    event Relocked(uint256 indexed sequencerId, uint256 amount, uint256 total);
    event UnlockInit(address indexed user, uint256 indexed sequencerId, uint256 nonce, uint256 deactivationBatch, uint256 deactivationTime, uint256 unlockClaimTime, uint256 indexed amount);
    event Unlocked(address indexed user, uint256 indexed sequencerId, uint256 amount, uint256 total);
    event ClaimRewards(uint256 indexed sequencerId, address recipient, uint256 indexed amount, uint256 indexed totalAmount);
    event LockUpdate(uint256 indexed sequencerId, uint256 indexed nonce, uint256 indexed newAmount);

    /// @notice Overrides totalLocked directly (tests of the base alone; the sequencer setters keep it consistent themselves).
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

    function logLocked(address signer, bytes calldata pubkey, uint256 seqId, uint256 nonce, uint256 activationBatch, uint256 amount) external {
        totalLocked += amount;
        emit Locked(signer, seqId, nonce, activationBatch, amount, totalLocked, pubkey);
    }

    function logRelocked(uint256 seqId, uint256 amount, uint256 nonce, uint256 newAmount) external {
        totalLocked += amount;
        emit Relocked(seqId, amount, totalLocked);
        emit LockUpdate(seqId, nonce, newAmount);
    }

    function logUnlockInit(address user, uint256 seqId, uint256 nonce, uint256 deactivationBatch, uint256 deactivationTime, uint256 unlockClaimTime, uint256 amount) external {
        emit UnlockInit(user, seqId, nonce, deactivationBatch, deactivationTime, unlockClaimTime, amount);
    }

    function logUnlocked(address user, uint256 seqId, uint256 amount) external {
        totalLocked -= amount;
        emit Unlocked(user, seqId, amount, totalLocked);
    }

    function logClaimRewards(uint256 seqId, address recipient, uint256 amount) external {
        totalRewardsLiquidated += amount;
        emit ClaimRewards(seqId, recipient, amount, totalRewardsLiquidated);
    }
}
