import { describe, expect, expectTypeOf, it } from 'vitest';
import { BaseConnector, type ConnectorErrorInfo, type ConnectorResponse } from '@specwire/runtime';
import { defineAction, defineConnector } from './fixtures/define.ts';
import { server } from './fixtures/run.ts';

interface Pet {
  id: number;
  name: string;
}

const definition = defineConnector({
  supported_actions: [defineAction({ id: 'pets_get', name: 'Get pet', api: { endpoint: '/pets/1' } })],
});

/** What a host writes: no `!` and no `?.` after checking `success` (tsc checks this file too). */
function describeResult(res: ConnectorResponse<Pet>): string {
  if (res.success) return `pet ${res.data.name}`;
  return `failed: ${res.error.code}`;
}

describe('ConnectorResponse is discriminated on success', () => {
  it('narrows data on success and error on failure', async () => {
    expectTypeOf<Extract<ConnectorResponse<Pet>, { success: true }>['data']>().toEqualTypeOf<Pet>();
    expectTypeOf<Extract<ConnectorResponse<Pet>, { success: false }>['error']>().toEqualTypeOf<ConnectorErrorInfo>();
    const srv = await server((request) => (request.pathname === '/pets/1' ? { json: { id: 1, name: 'Rex' } } : { status: 404, json: {} }));
    const connector = new BaseConnector(definition, { baseUrl: srv.url });
    expect(describeResult(await connector.executeAction<Pet>('pets_get'))).toBe('pet Rex');
    srv.respondWith(() => ({ status: 404, json: {} }));
    expect(describeResult(await connector.executeAction<Pet>('pets_get'))).toBe('failed: HTTP_404');
  });
});
