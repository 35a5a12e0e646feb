import { ContractFunctionExecutionError, ContractFunctionRevertedError, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { AllEndpointsFailedError, EndpointError, JsonRpcError, shortError } from '../../src/rpc/rpcErrors.ts';
import { BaseError } from '../../src/vocabulary/baseError.ts';

describe('rpc errors', () => {
  it('GIVEN the JSON-RPC code of a revert THEN isRevert, whatever the words; another code only with revert data or as geth words a data-less revert', () => {
    expect(new JsonRpcError(3, 'execution reverted', '0x').isRevert).toBe(true);
    expect(new JsonRpcError(3, 'VM Exception').isRevert).toBe(true);
    expect(new JsonRpcError(-32000, 'execution reverted', '0x08c379a0').isRevert).toBe(true);
    expect(new JsonRpcError(-32015, 'VM execution error.', '0x').isRevert).toBe(true);
    // geth's data-less revert (a require without a reason, a missing function) is -32000 with these words only.
    expect(new JsonRpcError(-32000, 'execution reverted').isRevert).toBe(true);
    // -32000 also means "header not found", "missing trie node": those fail over.
    expect(new JsonRpcError(-32000, 'missing trie node').isRevert).toBe(false);
    expect(new JsonRpcError(-32602, 'reverted params', '0x').isRevert).toBe(false);
  });

  it('GIVEN our errors THEN each is a BaseError with its own name and its public fields', () => {
    const endpoint = new EndpointError('http://a', 'timed out after 5000 ms', { timedOut: true });
    expect(endpoint).toBeInstanceOf(BaseError);
    expect(endpoint).toMatchObject({ name: 'EndpointError', url: 'http://a', shortMessage: 'timed out after 5000 ms', timedOut: true });
    expect(endpoint.message).toBe('timed out after 5000 ms\nURL: http://a');
    const all = new AllEndpointsFailedError(1, ['http://a: timed out after 5000 ms'], [endpoint]);
    expect(all).toMatchObject({ name: 'AllEndpointsFailedError', chainId: 1, causes: [endpoint] });
    expect(all.message).toBe('chain 1: every RPC failed (http://a: timed out after 5000 ms)');
    expect(new JsonRpcError(-32005, 'limit exceeded', { from: '0x1' })).toMatchObject({ name: 'JsonRpcError', code: -32005, data: { from: '0x1' } });
  });

  it('GIVEN our error inside viem wrappers THEN shortError shows ours; else the outer short message or first line', () => {
    const endpoint = new EndpointError('http://a', 'HTTP 502');
    const wrapped = new Error('HTTP request failed.\n\nURL: http://a', { cause: new Error('inner', { cause: endpoint }) });
    expect(shortError(wrapped)).toBe('HTTP 502');
    const abi = parseAbi(['function decimals() view returns (uint8)']);
    const reverted = new ContractFunctionExecutionError(new ContractFunctionRevertedError({ abi, functionName: 'decimals', data: '0x' }), { abi, functionName: 'decimals' });
    expect(shortError(reverted)).toBe(reverted.shortMessage);
    expect(shortError(new Error('first line\nsecond'))).toBe('first line');
    expect(shortError('a string')).toBe('a string');
  });
});
