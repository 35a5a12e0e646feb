// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IUniswapV2Pair} from "@uniswap/v2-core/contracts/interfaces/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "@uniswap/v3-core/contracts/interfaces/IUniswapV3Pool.sol";
import {IUniswapV3MintCallback} from "@uniswap/v3-core/contracts/interfaces/callback/IUniswapV3MintCallback.sol";
import {IUniswapV3SwapCallback} from "@uniswap/v3-core/contracts/interfaces/callback/IUniswapV3SwapCallback.sol";

/// @notice The devnet's market maker. It holds a token inventory and pays from it: liquidity and swaps on real
/// Uniswap V2 pairs (transfer, then `mint` or `swap`) and V3 pools (paid from the mint and swap callbacks), and
/// deposits into ERC-4626 vaults. Open to any caller, as a devnet fixture; positions, LP tokens, shares and
/// swap proceeds stay with it.
contract DevnetRouter is IUniswapV3MintCallback, IUniswapV3SwapCallback {
    using SafeERC20 for IERC20;

    /// @dev The V3 pool this contract is calling: the only one its callbacks pay.
    address private activePool;

    /// @notice Transfers both amounts to the pair and mints its LP tokens to this contract.
    function addLiquidityV2(IUniswapV2Pair pair, uint256 amount0, uint256 amount1) external returns (uint256 liquidity) {
        IERC20(pair.token0()).safeTransfer(address(pair), amount0);
        IERC20(pair.token1()).safeTransfer(address(pair), amount1);
        liquidity = pair.mint(address(this));
    }

    /// @notice Transfers `amountIn` of token0 (zeroForOne) or token1 to the pair and takes `amountOut` of the other;
    /// the pair itself checks the amounts against its 0.3 % fee invariant.
    function swapV2(IUniswapV2Pair pair, bool zeroForOne, uint256 amountIn, uint256 amountOut) external {
        IERC20(zeroForOne ? pair.token0() : pair.token1()).safeTransfer(address(pair), amountIn);
        (uint256 out0, uint256 out1) = zeroForOne ? (uint256(0), amountOut) : (amountOut, uint256(0));
        pair.swap(out0, out1, address(this), "");
    }

    /// @notice Mints a V3 position of `liquidity` between the ticks, owned by this contract.
    function mintV3(IUniswapV3Pool pool, int24 tickLower, int24 tickUpper, uint128 liquidity)
        external
        returns (uint256 amount0, uint256 amount1)
    {
        activePool = address(pool);
        (amount0, amount1) = pool.mint(address(this), tickLower, tickUpper, liquidity, "");
        activePool = address(0);
    }

    /// @notice Swaps on a V3 pool until its price is exactly `sqrtPriceX96`: the swap's price limit, with the whole
    /// inventory of the token sold as the most it may take. Sells token0 to lower the price, token1 to raise it.
    function swapV3ToPrice(IUniswapV3Pool pool, uint160 sqrtPriceX96) external returns (int256 amount0, int256 amount1) {
        (uint160 current,,,,,,) = pool.slot0();
        if (current == sqrtPriceX96) return (0, 0);
        bool zeroForOne = sqrtPriceX96 < current;
        uint256 budget = IERC20(zeroForOne ? pool.token0() : pool.token1()).balanceOf(address(this));
        require(budget > 0 && budget <= uint256(type(int256).max), "DevnetRouter: no inventory of the token to sell");
        activePool = address(pool);
        (amount0, amount1) = pool.swap(address(this), zeroForOne, int256(budget), sqrtPriceX96, "");
        activePool = address(0);
        (uint160 reached,,,,,,) = pool.slot0();
        require(reached == sqrtPriceX96, "DevnetRouter: inventory too small to reach the price");
    }

    /// @notice Mints exactly `shares` of the vault to this contract, paying what the vault asks in its asset.
    function mintVaultShares(IERC4626 vault, uint256 shares) external returns (uint256 assets) {
        IERC20(vault.asset()).forceApprove(address(vault), vault.previewMint(shares));
        assets = vault.mint(shares, address(this));
    }

    /// @notice Redeems `shares` this contract holds; the assets come back to it.
    function redeemVaultShares(IERC4626 vault, uint256 shares) external returns (uint256 assets) {
        assets = vault.redeem(shares, address(this), address(this));
    }

    function uniswapV3MintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes calldata) external {
        require(msg.sender == activePool, "DevnetRouter: callback from a pool it did not call");
        IUniswapV3Pool pool = IUniswapV3Pool(msg.sender);
        if (amount0Owed > 0) IERC20(pool.token0()).safeTransfer(msg.sender, amount0Owed);
        if (amount1Owed > 0) IERC20(pool.token1()).safeTransfer(msg.sender, amount1Owed);
    }

    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external {
        require(msg.sender == activePool, "DevnetRouter: callback from a pool it did not call");
        IUniswapV3Pool pool = IUniswapV3Pool(msg.sender);
        if (amount0Delta > 0) IERC20(pool.token0()).safeTransfer(msg.sender, uint256(amount0Delta));
        if (amount1Delta > 0) IERC20(pool.token1()).safeTransfer(msg.sender, uint256(amount1Delta));
    }
}
