import { z } from 'zod';
import { identifier } from './fieldSchemas.ts';

/** A token of the tower: what it is a claim on, and the source of its rate. */
export const tokenSchema = z.strictObject({
  /** The token this one is a claim on; absent for the native base. */
  base: identifier.optional(),
  /** Source whose rate gives 1 token in base (ERC-4626 share price, exchange rate); absent means a 1:1 claim. */
  rateFrom: identifier.optional(),
});

/** The tower: the token every wrapper is valued in. */
export const towerSchema = z
  .strictObject({
    /** The token every wrapper is valued in and the base layer counts. */
    baseToken: identifier.default('METIS'),
  })
  .prefault({});
