// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Pays an Algebra pool's mint and swap callbacks (`algebraMintCallback`, `algebraSwapCallback`) from
/// the caller's approved balances, so tests can add liquidity and trade against real pool bytecode.
/// A callback is accepted only from the pool of the call in progress: nobody else can spend the approvals.
/// Calls are encoded by signature (no interface declarations: the fixtures directory holds one contract per file).
contract AlgebraTestRouter {
    uint160 internal constant MIN_SQRT_RATIO = 4295128739;
    uint160 internal constant MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342;

    address private activePool;
    address private payer;

    /// @notice Adds `liquidity` between the two ticks for the caller; returns what was paid.
    function mint(address pool, int24 bottomTick, int24 topTick, uint128 liquidity) external returns (uint256 amount0, uint256 amount1) {
        begin(pool);
        bytes memory answer = call(
            pool,
            abi.encodeWithSignature("mint(address,address,int24,int24,uint128,bytes)", msg.sender, msg.sender, bottomTick, topTick, liquidity, "")
        );
        (amount0, amount1, ) = abi.decode(answer, (uint256, uint256, uint128));
        end();
    }

    /// @notice Sells exactly `amountIn` of token0 (zeroToOne) or token1 for the other, to the caller, stopping at
    /// `limitSqrtPrice` (0: no limit). Returns the pool's balance deltas.
    function swapExactIn(address pool, bool zeroToOne, uint256 amountIn, uint160 limitSqrtPrice) external returns (int256 amount0, int256 amount1) {
        require(amountIn > 0 && amountIn <= uint256(type(int256).max), "amountIn out of range");
        uint160 limit = limitSqrtPrice != 0 ? limitSqrtPrice : zeroToOne ? MIN_SQRT_RATIO + 1 : MAX_SQRT_RATIO - 1;
        begin(pool);
        bytes memory answer = call(
            pool,
            abi.encodeWithSignature("swap(address,bool,int256,uint160,bytes)", msg.sender, zeroToOne, int256(amountIn), limit, "")
        );
        (amount0, amount1) = abi.decode(answer, (int256, int256));
        end();
    }

    function algebraMintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes calldata) external {
        require(msg.sender == activePool, "not the pool in progress");
        pay(amount0Owed, amount1Owed);
    }

    function algebraSwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external {
        require(msg.sender == activePool, "not the pool in progress");
        pay(amount0Delta > 0 ? uint256(amount0Delta) : 0, amount1Delta > 0 ? uint256(amount1Delta) : 0);
    }

    function begin(address pool) private {
        require(activePool == address(0), "reentrant");
        activePool = pool;
        payer = msg.sender;
    }

    function end() private {
        activePool = address(0);
        payer = address(0);
    }

    function pay(uint256 amount0, uint256 amount1) private {
        if (amount0 > 0) transferFrom(token(msg.sender, "token0()"), amount0);
        if (amount1 > 0) transferFrom(token(msg.sender, "token1()"), amount1);
    }

    function token(address pool, string memory view_) private returns (address) {
        return abi.decode(call(pool, abi.encodeWithSignature(view_)), (address));
    }

    function transferFrom(address tokenAddress, uint256 amount) private {
        bytes memory answer = call(tokenAddress, abi.encodeWithSignature("transferFrom(address,address,uint256)", payer, msg.sender, amount));
        require(answer.length == 0 || abi.decode(answer, (bool)), "transfer failed");
    }

    /// @dev Calls `target`, bubbling its revert reason up unchanged.
    function call(address target, bytes memory data) private returns (bytes memory answer) {
        bool ok;
        (ok, answer) = target.call(data);
        if (!ok) {
            assembly {
                revert(add(answer, 0x20), mload(answer))
            }
        }
    }
}
