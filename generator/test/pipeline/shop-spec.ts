import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One operation of the test spec, as YAML under `paths`. */
function operation(options: { method: string; id: string; summary: string; parameters?: string; body?: boolean }): string {
  return [
    `    ${options.method}:`,
    `      operationId: ${options.id}`,
    `      summary: ${options.summary}`,
    '      tags: [orders]',
    ...(options.parameters ? ['      parameters:', options.parameters] : []),
    ...(options.body
      ? [
          '      requestBody:',
          '        required: true',
          '        content:',
          '          application/json:',
          '            schema: { $ref: "#/components/schemas/NewOrder" }',
        ]
      : []),
    '      responses:',
    "        '200':",
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema: { $ref: "#/components/schemas/Order" }',
  ].join('\n');
}

const ID_PARAMETER = '        - { name: orderId, in: path, required: true, schema: { type: string } }';

/**
 * A small OAS 3.0 shop. `withRefund` adds one operation (POST /orders/{orderId}/refund) in the middle
 * of the document, between operations that exist either way.
 */
export function shopSpec(options: { withRefund: boolean; orderSchema?: string }): string {
  return [
    'openapi: 3.0.3',
    'info: { title: Shop, version: 1.0.0 }',
    'servers: [{ url: "https://api.shop.test/v1" }]',
    'paths:',
    '  /orders:',
    operation({ method: 'get', id: 'listOrders', summary: 'List orders', parameters: '        - { name: status, in: query, schema: { type: string, enum: [open, closed] } }' }),
    operation({ method: 'post', id: 'createOrder', summary: 'Create an order', body: true }),
    '  /orders/{orderId}:',
    operation({ method: 'get', id: 'getOrder', summary: 'Get an order', parameters: ID_PARAMETER }),
    ...(options.withRefund
      ? ['  /orders/{orderId}/refund:', operation({ method: 'post', id: 'refundOrder', summary: 'Refund an order', parameters: ID_PARAMETER })]
      : []),
    '  /orders/{orderId}/items:',
    operation({ method: 'get', id: 'listOrderItems', summary: 'List the items of an order', parameters: ID_PARAMETER }),
    'components:',
    '  schemas:',
    `    Order: ${options.orderSchema ?? '{ type: object, properties: { id: { type: string }, total: { type: number } } }'}`,
    '    NewOrder: { type: object, required: [item], properties: { item: { type: string }, note: { type: string } } }',
    '',
  ].join('\n');
}

/** A temporary workspace with `specs/shop.yaml`, for `generateWorkspace`. */
export function makeShopWorkspace(options: { withRefund: boolean; orderSchema?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'specwire-pipeline-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  mkdirSync(join(root, 'specs'));
  writeFileSync(join(root, 'specs', 'shop.yaml'), shopSpec(options));
  return root;
}
