// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Deploys a real Algebra pool from creation code it is given, answering `parameters()` the way the
/// pool's constructor asks its deployer (IAlgebraPoolDeployer of the cryptoalgebra core package 2.0.0:
/// `(address dataStorage, address factory, address token0, address token1)`).
/// Why not the shipped AlgebraPoolDeployer: the factory binds each pool's DataStorageOperator to the address
/// computed from its compiled-in POOL_INIT_CODE_HASH, which the shipped (instrumented) pool bytecode does not
/// hash to, so that pool's `initialize` reverts. Here the caller computes the CREATE2 address from the real
/// creation code (salt = keccak256(abi.encode(token0, token1)), as Algebra's deployer uses) and creates the
/// DataStorageOperator for it first.
contract AlgebraTestPoolDeployer {
    struct Parameters {
        address dataStorage;
        address factory;
        address token0;
        address token1;
    }

    /// @notice Set only while a pool is being created; the pool's constructor reads it.
    Parameters public parameters;

    event PoolDeployed(address indexed pool, address indexed token0, address indexed token1);

    /// @notice CREATE2 of `creationCode` with salt keccak256(abi.encode(token0, token1)).
    function deploy(
        bytes calldata creationCode,
        address dataStorage,
        address factory,
        address token0,
        address token1
    ) external returns (address pool) {
        parameters = Parameters(dataStorage, factory, token0, token1);
        bytes memory code = creationCode;
        bytes32 salt = keccak256(abi.encode(token0, token1));
        assembly {
            pool := create2(0, add(code, 0x20), mload(code), salt)
        }
        require(pool != address(0), "pool creation failed");
        delete parameters;
        emit PoolDeployed(pool, token0, token1);
    }
}
