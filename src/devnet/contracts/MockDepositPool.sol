// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Artemis-style deposit pool (not ERC-4626): artMetis is worth totalDeposits / artMetis.totalSupply.
contract MockDepositPool {
    uint256 public totalDeposits;

    function setTotalDeposits(uint256 amount) external {
        totalDeposits = amount;
    }
}
