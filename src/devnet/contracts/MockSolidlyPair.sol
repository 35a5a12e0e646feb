// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Solidly/Velodrome-style pair (Hermes V2 on Metis) with the mainnet view ABI: token0, token1, tokens,
/// stable (immutable, fixed at creation as in the real Pair), getReserves with uint256 reserves and the last
/// block timestamp, and metadata (10^decimals of each token, reserves, stable, tokens). Reserves are set by
/// the test; there are no swaps.
contract MockSolidlyPair {
    bool public immutable stable;
    address public immutable token0;
    address public immutable token1;
    uint256 internal immutable decimals0;
    uint256 internal immutable decimals1;

    uint256 public reserve0;
    uint256 public reserve1;
    uint256 public blockTimestampLast;

    event Sync(uint256 reserve0, uint256 reserve1);

    constructor(address token0_, address token1_, bool stable_) {
        stable = stable_;
        token0 = token0_;
        token1 = token1_;
        decimals0 = _unitOf(token0_);
        decimals1 = _unitOf(token1_);
    }

    /// 10^decimals() of an ERC-20, as the real pair keeps it (a low-level call: one contract per file).
    function _unitOf(address token) private view returns (uint256) {
        (bool ok, bytes memory data) = token.staticcall(abi.encodeWithSignature("decimals()"));
        require(ok && data.length == 32, "Pair: token without decimals()");
        return 10 ** uint256(abi.decode(data, (uint8)));
    }

    function tokens() external view returns (address, address) {
        return (token0, token1);
    }

    function getReserves() public view returns (uint256 _reserve0, uint256 _reserve1, uint256 _blockTimestampLast) {
        return (reserve0, reserve1, blockTimestampLast);
    }

    function metadata() external view returns (uint256 dec0, uint256 dec1, uint256 r0, uint256 r1, bool st, address t0, address t1) {
        return (decimals0, decimals1, reserve0, reserve1, stable, token0, token1);
    }

    function setReserves(uint256 reserve0_, uint256 reserve1_) external {
        reserve0 = reserve0_;
        reserve1 = reserve1_;
        blockTimestampLast = block.timestamp;
        emit Sync(reserve0_, reserve1_);
    }
}
