// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice ERC-4626 view surface with totals set by the test (no deposits). Also an ERC-20 view surface
/// (name, symbol, decimals, totalSupply, balanceOf) so it can sit in a DEX pool.
contract MockERC4626 {
    address public asset;
    uint8 public decimals;
    uint8 internal assetDecimals;
    string public name = "Mock Vault";
    string public symbol = "mVAULT";
    uint256 public totalAssets;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    event TotalsUpdate(uint256 totalAssets, uint256 totalSupply);

    constructor(address asset_, uint8 shareDecimals_, uint8 assetDecimals_) {
        asset = asset_;
        decimals = shareDecimals_;
        assetDecimals = assetDecimals_;
    }

    function convertToAssets(uint256 shares) public view returns (uint256) {
        if (totalSupply == 0) return (shares * 10 ** assetDecimals) / 10 ** decimals;
        return (shares * totalAssets) / totalSupply;
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        if (totalSupply == 0 || totalAssets == 0) return (assets * 10 ** decimals) / 10 ** assetDecimals;
        return (assets * totalSupply) / totalAssets;
    }

    function previewRedeem(uint256 shares) external view returns (uint256) {
        return convertToAssets(shares);
    }

    function previewDeposit(uint256 assets) external view returns (uint256) {
        return convertToShares(assets);
    }

    function setTotals(uint256 assets, uint256 supply) external {
        totalAssets = assets;
        totalSupply = supply;
        emit TotalsUpdate(assets, supply);
    }

    function setMetadata(string calldata name_, string calldata symbol_) external {
        name = name_;
        symbol = symbol_;
    }
}
