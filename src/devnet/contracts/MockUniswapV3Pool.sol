// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Uniswap-V3 pool view surface with price, tick and liquidity set by the test.
/// `observe` is backed by a list of observations written on every change:
/// tickCumulative += tick * elapsed, secondsPerLiquidityCumulativeX128 += (elapsed << 128) / max(liquidity, 1),
/// each interval using the tick and liquidity that were in force during it (like the real oracle).
/// The tick is NOT derived from sqrtPriceX96 on chain: set both with `setSlot0`, or each alone.
/// Like a real pool's `initialize`, the first setter writes the first observation, so the oracle starts with
/// the state the deployment sets (not a tick 0 from the constructor) and `observe` reverts "OLD" before it.
contract MockUniswapV3Pool {
    struct Observation {
        uint32 blockTimestamp;
        int56 tickCumulative;
        uint160 secondsPerLiquidityCumulativeX128;
        int24 tick; // tick in force from blockTimestamp on
        uint128 liquidity; // liquidity in force from blockTimestamp on
    }

    address public token0;
    address public token1;
    uint24 public fee = 3000;
    uint128 public liquidity;
    uint160 private sqrtPriceX96;
    int24 private tick;
    Observation[] private observations;

    constructor(address token0_, address token1_) {
        token0 = token0_;
        token1 = token1_;
    }

    function slot0()
        external
        view
        returns (
            uint160 _sqrtPriceX96,
            int24 _tick,
            uint16 observationIndex,
            uint16 observationCardinality,
            uint16 observationCardinalityNext,
            uint8 feeProtocol,
            bool unlocked
        )
    {
        uint256 n = observations.length;
        uint16 cardinality = n > type(uint16).max ? type(uint16).max : uint16(n);
        return (sqrtPriceX96, tick, n == 0 ? 0 : uint16((n - 1) % type(uint16).max), cardinality, cardinality, 0, true);
    }

    function observe(uint32[] calldata secondsAgos)
        external
        view
        returns (int56[] memory tickCumulatives, uint160[] memory secondsPerLiquidityCumulativeX128s)
    {
        tickCumulatives = new int56[](secondsAgos.length);
        secondsPerLiquidityCumulativeX128s = new uint160[](secondsAgos.length);
        require(observations.length > 0, "I");
        uint32 nowTs = uint32(block.timestamp);
        for (uint256 i = 0; i < secondsAgos.length; i++) {
            require(secondsAgos[i] <= nowTs - observations[0].blockTimestamp, "OLD");
            (tickCumulatives[i], secondsPerLiquidityCumulativeX128s[i]) = _cumulativesAt(nowTs - secondsAgos[i]);
        }
    }

    function setSlot0(uint160 sqrtPriceX96_, int24 tick_) external {
        _write(tick_, liquidity);
        sqrtPriceX96 = sqrtPriceX96_;
        tick = tick_;
    }

    function setSqrtPriceX96(uint160 sqrtPriceX96_) external {
        _write(tick, liquidity);
        sqrtPriceX96 = sqrtPriceX96_;
    }

    function setTick(int24 tick_) external {
        _write(tick_, liquidity);
        tick = tick_;
    }

    function setLiquidity(uint128 liquidity_) external {
        _write(tick, liquidity_);
        liquidity = liquidity_;
    }

    function setFee(uint24 fee_) external {
        fee = fee_;
    }

    function _cumulativesAt(uint32 target) internal view returns (int56 tickCumulative, uint160 secondsPerLiquidityX128) {
        uint256 i = observations.length - 1;
        while (observations[i].blockTimestamp > target) i--;
        Observation memory o = observations[i];
        uint32 elapsed = target - o.blockTimestamp;
        tickCumulative = o.tickCumulative + int56(o.tick) * int56(uint56(elapsed));
        secondsPerLiquidityX128 =
            o.secondsPerLiquidityCumulativeX128 + uint160((uint256(elapsed) << 128) / (o.liquidity > 0 ? o.liquidity : 1));
    }

    /// @dev Closes the running interval at block.timestamp and opens a new one with the given tick and liquidity.
    function _write(int24 nextTick, uint128 nextLiquidity) internal {
        uint32 nowTs = uint32(block.timestamp);
        if (observations.length == 0) {
            observations.push(Observation(nowTs, 0, 0, nextTick, nextLiquidity));
            return;
        }
        Observation storage last = observations[observations.length - 1];
        if (last.blockTimestamp == nowTs) {
            last.tick = nextTick;
            last.liquidity = nextLiquidity;
            return;
        }
        (int56 tickCumulative, uint160 secondsPerLiquidityX128) = _cumulativesAt(nowTs);
        observations.push(Observation(nowTs, tickCumulative, secondsPerLiquidityX128, nextTick, nextLiquidity));
    }
}
