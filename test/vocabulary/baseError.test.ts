import { describe, expect, it } from 'vitest';
import { BaseError, causeChain, walkCauses } from '../../src/vocabulary/baseError.ts';

class OuterError extends BaseError {
  override name = 'OuterError';
}
class InnerError extends BaseError {
  override name = 'InnerError';
  constructor(readonly code: number, options?: { cause?: unknown }) {
    super(`inner ${code}`, options);
  }
}

describe('BaseError', () => {
  it('GIVEN only a short message THEN the message is that line and nothing is added', () => {
    const error = new OuterError('the port is in use');
    expect(error.message).toBe('the port is in use');
    expect(error.shortMessage).toBe('the port is in use');
    expect(error.details).toBeUndefined();
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('GIVEN meta messages and details THEN the message lists them below the short message, in that order', () => {
    const error = new OuterError('config: 2 problems', { metaMessages: ['  - a', '  - b'], details: 'see the README' });
    expect(error.message).toBe('config: 2 problems\n  - a\n  - b\nDetails: see the README');
    expect(error.shortMessage).toBe('config: 2 problems');
    expect(error.metaMessages).toEqual(['  - a', '  - b']);
    expect(error.details).toBe('see the README');
  });

  it('GIVEN subclasses THEN each has its own stable name and is an Error and a BaseError', () => {
    const error = new InnerError(3);
    expect(error.name).toBe('InnerError');
    expect(new OuterError('x').name).toBe('OuterError');
    expect(new BaseError('x').name).toBe('BaseError');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(BaseError);
    expect(String(error)).toBe('InnerError: inner 3');
  });

  it('GIVEN a chain through foreign errors THEN walk(predicate) finds ours below them, and walk() the innermost', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const inner = new InnerError(-32000, { cause: socket });
    const viemLike = new Error('HTTP request failed.', { cause: inner });
    const outer = new OuterError('read failed', { cause: viemLike });

    expect(outer.walk((e) => e instanceof InnerError)).toBe(inner);
    expect(outer.walk((e) => e instanceof InnerError && e.code === -32000)).toBe(inner);
    expect(outer.walk((e) => typeof (e as { code?: unknown }).code === 'string')).toBe(socket);
    expect(outer.walk((e) => e instanceof OuterError)).toBe(outer);
    expect(outer.walk((e) => e instanceof RangeError)).toBeUndefined();
    expect(outer.walk()).toBe(socket);
    expect(inner.walk()).toBe(socket);
    expect(new OuterError('alone').walk()).toBeInstanceOf(OuterError);
  });

  it('GIVEN a type guard THEN walk narrows the type of what it finds', () => {
    const outer = new OuterError('x', { cause: new InnerError(7) });
    const found = outer.walk((e): e is InnerError => e instanceof InnerError);
    expect(found?.code).toBe(7);
  });
});

describe('walkCauses and causeChain', () => {
  it('GIVEN foreign errors only THEN the chain is followed outermost first', () => {
    const root = new TypeError('root');
    const middle = new Error('middle', { cause: root });
    const top = new Error('top', { cause: middle });
    expect(causeChain(top)).toEqual([top, middle, root]);
    expect(walkCauses(top, (e) => e instanceof TypeError)).toBe(root);
    expect(walkCauses(top)).toBe(root);
  });

  it('GIVEN a non-error cause (a string, a plain object) THEN it is part of the chain', () => {
    const top = new Error('top', { cause: { code: 3, message: 'execution reverted' } });
    expect(causeChain(top)).toEqual([top, { code: 3, message: 'execution reverted' }]);
    expect(causeChain(new Error('x', { cause: 'why' }))).toEqual([expect.any(Error), 'why']);
  });

  it('GIVEN nothing thrown (undefined, null) THEN the chain is empty and walk finds nothing', () => {
    expect(causeChain(undefined)).toEqual([]);
    expect(causeChain(null)).toEqual([]);
    expect(walkCauses(undefined, () => true)).toBeUndefined();
  });

  it('GIVEN a cycle of causes THEN the walk stops instead of looping', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(causeChain(a)).toEqual([a, b]);
    expect(walkCauses(a, () => false)).toBeUndefined();
  });

  it('GIVEN a chain deeper than sixteen THEN only the first sixteen are walked', () => {
    let error: Error = new Error('0');
    for (let i = 1; i < 40; i++) error = new Error(String(i), { cause: error });
    const chain = causeChain(error);
    expect(chain).toHaveLength(16);
    expect((chain[0] as Error).message).toBe('39');
    expect((chain[15] as Error).message).toBe('24');
  });
});
