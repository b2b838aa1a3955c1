import type { ApiIR, OperationIR, ServerIR, Warning } from '../ir/types.ts';
import { nonPublicUrlReason } from '../load/index.ts';
import { childPointer } from '../errors/json-pointer.ts';

/**
 * Drops the spec's own servers (top-level, Swagger `host`, and per operation) that point at a
 * loopback, private, link-local or cloud metadata address, each with a warning: requests and their
 * credentials would go there, the same reason an override `base_url` is refused. When no top-level
 * server is left the connector has no base URL and a host passes one at run time (a local test
 * server, an on-premises install). `servers.allow_private_base_url: true` keeps them all.
 */
export function dropPrivateServers(options: { ir: ApiIR; allow: boolean }): ApiIR {
  const { ir } = options;
  if (options.allow) return ir;
  const warnings: Warning[] = [];
  const servers = keepPublic({ servers: ir.servers, pointer: '/servers', warnings });
  let changed = servers.length !== ir.servers.length;
  const operations = ir.operations.map((operation): OperationIR => {
    if (!operation.servers) return operation;
    const kept = keepPublic({ servers: operation.servers, pointer: childPointer(operation.pointer, 'servers'), warnings });
    if (kept.length === operation.servers.length) return operation;
    changed = true;
    const { servers: _dropped, ...rest } = operation;
    return kept.length > 0 ? { ...rest, servers: kept } : rest;
  });
  return changed ? { ...ir, servers, operations, warnings: [...ir.warnings, ...warnings] } : ir;
}

function keepPublic(options: { servers: readonly ServerIR[]; pointer: string; warnings: Warning[] }): ServerIR[] {
  return options.servers.filter((server, index) => {
    const reason = privateServerReason(server);
    if (reason === undefined) return true;
    options.warnings.push({
      pointer: childPointer(options.pointer, index),
      message: `server ${JSON.stringify(server.url.slice(0, 200))} skipped: ${reason}; set servers.allow_private_base_url: true in the override file if this is intended`,
    });
    return false;
  });
}

/** Why a server (variables at their defaults) is not a public http(s) URL; undefined when it is, or when relative. */
function privateServerReason(server: ServerIR): string | undefined {
  const url = server.url.replace(/\{([^{}]*)\}/g, (placeholder, name: string) =>
    Object.hasOwn(server.variables, name) ? (server.variables[name]?.default ?? placeholder) : placeholder,
  );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // relative, or a placeholder without a default: the host supplies the base URL
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // Judged on scheme, host and port only: this check is about where requests go.
  return nonPublicUrlReason(parsed.origin);
}
