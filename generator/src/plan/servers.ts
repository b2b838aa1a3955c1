/**
 * Servers → `endpoints`. A relative server URL (`/api/v3`) is kept relative: the host must then pass
 * an absolute `baseUrl`, which the runtime requires at call time. No server at all gives `''`.
 */
import type { Endpoints, ServerDefinition } from '@specwire/runtime';
import type { ServerIR } from '../ir/types.ts';
import type { ServerChoice } from '../override/types.ts';
import { cloneJson, ownValue, recordFromEntries } from './schemas/own-record.ts';

/** The server URL with every `{variable}` at its default; no trailing slash (endpoints start with `/`). */
export function substituteServerDefaults(server: ServerIR): string {
  const url = server.url.replace(/\{([^{}]*)\}/g, (placeholder, name: string) => {
    const variable = ownValue({ record: server.variables, key: name });
    return variable === undefined ? placeholder : variable.default;
  });
  return url.replace(/\/+$/, '');
}

export function planEndpoints(servers: readonly ServerChoice[]): Endpoints {
  const definitions: ServerDefinition[] = servers.map((server) => ({
    url: server.url,
    ...(server.description !== undefined ? { description: server.description } : {}),
    variables: recordFromEntries(
      Object.entries(server.variables).map(([name, variable]) => [
        name,
        {
          default: variable.default,
          ...(variable.enum !== undefined ? { enum: cloneJson(variable.enum) } : {}),
          ...(variable.description !== undefined ? { description: variable.description } : {}),
          userSettable: server.userSettable.includes(name),
        },
      ]),
    ),
  }));
  const first = servers[0];
  return { base_url: first ? substituteServerDefaults(first) : '', servers: definitions };
}

/** Path part of a base URL (`https://x.test/v3/` → `/v3`; relative URLs keep their path); `''` for none. */
export function basePathOf(baseUrl: string): string {
  if (baseUrl === '') return '';
  try {
    return new URL(baseUrl, 'http://base.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
