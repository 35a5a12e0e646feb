import { BaseError } from '../vocabulary/baseError.ts';

/** The store file cannot be opened or migrated; the message says which file and what to do. */
export class StoreError extends BaseError {
  override name = 'StoreError';
}
