// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Camelot-style pair (Hercules V2 on Metis) with the mainnet view ABI: token0, token1, stableSwap,
/// getReserves with the two fee percents, precisionMultiplier0/1, token0FeePercent/token1FeePercent and
/// getAmountOut. Reserves are set by the test (no swaps); setStableSwap keeps the real signature and checks,
/// without the factory owner. getAmountOut prices a stable pair on x³y + xy³ in 1e18 fixed point of whole
/// tokens and solves the new reserve by Newton's method, as CamelotPair does, so tests can check our own
/// curve math against the on-chain kind of computation.
contract MockCamelotPair {
    uint256 public constant FEE_DENOMINATOR = 100000;

    address public token0;
    address public token1;
    bool public stableSwap;
    bool public pairTypeImmutable;
    uint16 public token0FeePercent = 300;
    uint16 public token1FeePercent = 300;
    uint256 public precisionMultiplier0;
    uint256 public precisionMultiplier1;

    uint112 private reserve0;
    uint112 private reserve1;

    event Sync(uint112 reserve0, uint112 reserve1);
    event SetStableSwap(bool prevStableSwap, bool stableSwap);

    constructor(address token0_, address token1_, bool stableSwap_) {
        token0 = token0_;
        token1 = token1_;
        stableSwap = stableSwap_;
        precisionMultiplier0 = _unitOf(token0_);
        precisionMultiplier1 = _unitOf(token1_);
    }

    /// 10^decimals() of an ERC-20, as the real pair reads it at initialize (a low-level call: one contract per file).
    function _unitOf(address token) private view returns (uint256) {
        (bool ok, bytes memory data) = token.staticcall(abi.encodeWithSignature("decimals()"));
        require(ok && data.length == 32, "CamelotPair: token without decimals()");
        return 10 ** uint256(abi.decode(data, (uint8)));
    }

    function getReserves() public view returns (uint112 _reserve0, uint112 _reserve1, uint16 _token0FeePercent, uint16 _token1FeePercent) {
        return (reserve0, reserve1, token0FeePercent, token1FeePercent);
    }

    function setReserves(uint112 reserve0_, uint112 reserve1_) external {
        reserve0 = reserve0_;
        reserve1 = reserve1_;
        emit Sync(reserve0_, reserve1_);
    }

    function setFeePercent(uint16 newToken0FeePercent, uint16 newToken1FeePercent) external {
        token0FeePercent = newToken0FeePercent;
        token1FeePercent = newToken1FeePercent;
    }

    function setStableSwap(bool stable, uint112 expectedReserve0, uint112 expectedReserve1) external {
        require(!pairTypeImmutable, "CamelotPair: immutable");
        require(stable != stableSwap, "CamelotPair: no update");
        require(expectedReserve0 == reserve0 && expectedReserve1 == reserve1, "CamelotPair: failed");
        emit SetStableSwap(stableSwap, stable);
        stableSwap = stable;
    }

    function getAmountOut(uint256 amountIn, address tokenIn) external view returns (uint256) {
        bool zeroIn = tokenIn == token0;
        uint256 feePercent = zeroIn ? token0FeePercent : token1FeePercent;
        if (!stableSwap) {
            (uint256 rIn, uint256 rOut) = zeroIn ? (uint256(reserve0), uint256(reserve1)) : (uint256(reserve1), uint256(reserve0));
            uint256 inAfterFee = amountIn * (FEE_DENOMINATOR - feePercent);
            return (inAfterFee * rOut) / (rIn * FEE_DENOMINATOR + inAfterFee);
        }
        uint256 net = amountIn - (amountIn * feePercent) / FEE_DENOMINATOR;
        uint256 k = _k(reserve0, reserve1);
        uint256 x0 = (uint256(reserve0) * 1e18) / precisionMultiplier0;
        uint256 x1 = (uint256(reserve1) * 1e18) / precisionMultiplier1;
        (uint256 xIn, uint256 xOut) = zeroIn ? (x0, x1) : (x1, x0);
        uint256 scaledIn = (net * 1e18) / (zeroIn ? precisionMultiplier0 : precisionMultiplier1);
        uint256 out = xOut - _newReserve(xIn + scaledIn, k, xOut);
        return (out * (zeroIn ? precisionMultiplier1 : precisionMultiplier0)) / 1e18;
    }

    /// x³y + xy³ in 1e18 fixed point of whole tokens.
    function _k(uint256 r0, uint256 r1) internal view returns (uint256) {
        uint256 x = (r0 * 1e18) / precisionMultiplier0;
        uint256 y = (r1 * 1e18) / precisionMultiplier1;
        uint256 xy = (x * y) / 1e18;
        uint256 squares = (x * x) / 1e18 + (y * y) / 1e18;
        return (xy * squares) / 1e18;
    }

    /// The reserve y with x³y + xy³ = k once the other reserve is x: Newton's method from `y`, to within 1.
    function _newReserve(uint256 x, uint256 k, uint256 y) internal pure returns (uint256) {
        for (uint256 i = 0; i < 255; i++) {
            uint256 previous = y;
            uint256 value = _curve(x, y);
            uint256 slope = _slope(x, y);
            if (value < k) y += ((k - value) * 1e18) / slope;
            else y -= ((value - k) * 1e18) / slope;
            uint256 moved = y > previous ? y - previous : previous - y;
            if (moved <= 1) return y;
        }
        return y;
    }

    function _curve(uint256 x, uint256 y) internal pure returns (uint256) {
        uint256 x3 = (((x * x) / 1e18) * x) / 1e18;
        uint256 y3 = (((y * y) / 1e18) * y) / 1e18;
        return (x * y3) / 1e18 + (x3 * y) / 1e18;
    }

    function _slope(uint256 x, uint256 y) internal pure returns (uint256) {
        uint256 x3 = (((x * x) / 1e18) * x) / 1e18;
        return (3 * x * ((y * y) / 1e18)) / 1e18 + x3;
    }
}
