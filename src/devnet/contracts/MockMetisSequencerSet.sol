// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice View ABI of MetisSequencerSet (Metis L2): who signs which epoch, with an open setter for tests.
/// @dev Epochs are `epochLength` blocks from `genesisBlock` (epoch 1 starts there), signed in turn by the configured
/// signers. configure() replaces the rotation for every epoch, past ones included (a test fixture keeps no history).
contract MockMetisSequencerSet {
    uint256 public genesisBlock;
    uint256 public epochLength;
    address[] private signers;

    function configure(uint256 genesisBlock_, uint256 epochLength_, address[] calldata signers_) external {
        require(epochLength_ > 0 && signers_.length > 0, "empty rotation");
        genesisBlock = genesisBlock_;
        epochLength = epochLength_;
        signers = signers_;
    }

    function epochOf(uint256 blockNumber) public view returns (uint256) {
        if (epochLength == 0 || blockNumber < genesisBlock) return 0;
        return (blockNumber - genesisBlock) / epochLength + 1;
    }

    function currentEpochNumber() external view returns (uint256) {
        return epochOf(block.number);
    }

    function currentEpoch() external view returns (uint256 number, address signer, uint256 startBlock, uint256 endBlock) {
        number = epochOf(block.number);
        if (number == 0) return (0, address(0), 0, 0);
        startBlock = genesisBlock + (number - 1) * epochLength;
        endBlock = startBlock + epochLength - 1;
        signer = signers[(number - 1) % signers.length];
    }

    function getMetisSequencer(uint256 blockNumber) external view returns (address) {
        uint256 number = epochOf(blockNumber);
        return number == 0 ? address(0) : signers[(number - 1) % signers.length];
    }
}
