import { MULTICALL3_ADDRESS } from '../vocabulary/chains.ts';

/** anvil's default account 0 (mnemonic "test test … junk"): deploys everything, on both chains. */
export const DEVNET_PRIVATE_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' as const;
export const DEVNET_DEPLOYER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;
export const L1_CHAIN_ID = 1;
export const L2_CHAIN_ID = 1088;

/**
 * Where deployDevnet puts everything on fresh anvil chains (config/devnet.yaml hard-codes them). Contracts come
 * at CREATE addresses of DEVNET_DEPLOYER at nonces 0, 1, 2, … in the order listed; the pools at the CREATE2
 * addresses their factories derive from the tokens (and the V3 fee), as on mainnet. The same deployer and nonces
 * on both chains, so L1 and L2 share the first three addresses, as multi-chain deployments often do.
 */
export const DEVNET_ADDRESSES = {
  l1: {
    /** nonce 0: DevnetERC20 'Metis Token' METIS, 18 decimals */
    metis: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    /** nonce 1: MockLockingInfo (totalLocked …) */
    lockingInfo: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    /** nonce 2: MockLockingPool (rewardPerBlock …; escrow = lockingInfo) */
    lockingPool: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    multicall3: MULTICALL3_ADDRESS,
  },
  l2: {
    /** MockMetisSequencerSet, installed with anvil_setCode (no nonce used, so no CREATE address moves). */
    sequencerSet: '0x10437E6197179C728E69550b167eEc490C9e93ba',
    /** nonce 0: DevnetERC20 'Wrapped Metis' WMETIS, 18 */
    wmetis: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    /** nonce 1: DevnetERC20 'ENKI eMetis' eMetis, 18 */
    eMetis: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    /** nonce 2: DevnetVault (OpenZeppelin ERC4626) 'Staked eMetis' seMetis over eMetis, 18/18 */
    seMetis: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    /** nonce 3: DevnetERC20 'Artemis artMETIS' artMETIS (its mainnet symbol), 18 */
    artMetis: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
    /** nonce 4: MockDepositPool (Artemis totalDeposits) */
    artemisDepositPool: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
    /** nonce 5: DevnetERC20 'USD Coin' USDC, 6 */
    usdc: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
    /** nonce 6: UniswapV2Factory from @uniswap/v2-core */
    uniswapV2Factory: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
    /** nonce 7: UniswapV3Factory from @uniswap/v3-core */
    uniswapV3Factory: '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853',
    /** nonce 8: DevnetRouter: holds the token inventory, provides the liquidity and makes the trades */
    router: '0x2279B7A0a67DB372996a5FaB50D91eAA73d2eBe6',
    /** UniswapV2Pair by createPair: token0 = WMETIS, token1 = eMetis (addresses sort that way) */
    v2EMetisWmetis: '0xcD9323f1eE7259E38e3247afB043effbBb7A28dD',
    /** UniswapV3Pool by createPool, fee 0.05 %: token0 = WMETIS, token1 = seMetis */
    v3WmetisSeMetis: '0x25AAF240b93Aa2EF8f8d9Fa0eA076Ced74E001F2',
    /** UniswapV3Pool by createPool, fee 0.3 %: token0 = WMETIS (18), token1 = USDC (6) */
    v3WmetisUsdc: '0x05dF64659870bDcF3DA23Ccf2360f32E5038C459',
    /** nonce 12 (after three batches): AlgebraTestPoolDeployer (creates Algebra pools from @cryptoalgebra/core's pool bytecode) */
    algebraPoolDeployer: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
    /** nonce 13: AlgebraFactory from @cryptoalgebra/core */
    algebraFactory: '0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82',
    /** nonce 14: AlgebraTestRouter: pays Algebra's mint and swap callbacks (for Multicall3, which holds its tokens) */
    algebraRouter: '0x9A676e781A523b5d0C0e43731313A708CB607508',
    /** AlgebraPool (CREATE2 by the pool deployer), token0 = WMETIS, token1 = artMetis: Hercules' artMETIS/WMETIS */
    algebraWmetisArtMetis: '0x99f2dfBB4D9b47E6A7003F9544FA29F1Bd349505',
    /** nonce 20 (after the pool's DataStorageOperator and setup): MockCamelotPair (Hercules V2 style), stableSwap true: token0 = WMETIS, token1 = eMetis */
    camelotStableWmetisEMetis: '0xc6e7DF5E7b4f2A278906862b61205850344D4e7d',
    multicall3: MULTICALL3_ADDRESS,
  },
} as const;
