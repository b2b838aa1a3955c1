import { describe } from 'vitest';
import { InMemoryRateLimitStore } from '@specwire/runtime';
import { rateLimitStoreContract } from '../support/rate-limit-store-contract.ts';

let counter = 0;
describe('InMemoryRateLimitStore', () => {
  rateLimitStoreContract({ store: () => new InMemoryRateLimitStore(), key: () => `k${counter++}` });
});
