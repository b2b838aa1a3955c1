import { expect } from 'vitest';

/** Asserts that none of `secrets` appears (raw, percent-encoded or base64) in what the value renders to. */
export function expectNoSecrets(value: unknown, secrets: string[]): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
  }
}
