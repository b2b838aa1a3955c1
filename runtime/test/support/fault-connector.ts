import { BaseConnector, type ActionDefinition, type ConnectorDefinition, type ConnectorEvents, type ConnectorOptions } from '@specwire/runtime';
import type { RecordingServer } from '@specwire/runtime/testing';
import { defineAction, defineConnector } from '../fixtures/define.ts';
import type { TestClock } from './test-clock.ts';

/**
 * A connector for one action against a fault server, on a test clock, with its retry notices
 * collected: `retries` lists `[failedAttempt, reason, delayMs, source]`.
 */
export function faultConnector(options: {
  srv: RecordingServer;
  clock: TestClock;
  action?: ActionDefinition;
  definition?: Partial<ConnectorDefinition>;
  connector?: ConnectorOptions;
}): { connector: BaseConnector; retries: Array<[number, string, number, string]> } {
  const action = options.action ?? defineAction();
  const connector = new BaseConnector(defineConnector({ ...options.definition, supported_actions: [action] }), {
    baseUrl: options.srv.url,
    clock: options.clock.clock,
    rateLimit: false,
    ...options.connector,
  });
  const retries: Array<[number, string, number, string]> = [];
  connector.on('request.retrying', (event: ConnectorEvents['request.retrying']) => retries.push([event.attempt, event.reason, event.delayMs, event.source]));
  return { connector, retries };
}
