import { SpecwireError } from '../errors/index.ts';
import type { ApiIR, OperationIR, ServerIR } from '../ir/types.ts';
import { defineSchemes } from './define-schemes.ts';
import { didYouMean } from './did-you-mean.ts';
import type { LoadedOverrides } from './load-overrides.ts';
import { describeMatcher, globToRegExp, listOf, matchesOperation, operationKey } from './match-operation.ts';
import type { OperationMatcher } from './file-types.ts';
import type { ActionOverride, CuratedApi, ExcludedOperation, SelectedOperation, ServerChoice } from './types.ts';

/**
 * Applies an override file to the IR. Every name the file uses must name something in the spec:
 * a rule or key that matches nothing is an error with file:line and a suggestion, never a no-op.
 */
export function applyOverrides(options: { ir: ApiIR; overrides?: LoadedOverrides; defaultName: string }): CuratedApi {
  const { overrides, defaultName } = options;
  const data = overrides?.data ?? {};
  const fail = (message: string, path: Array<string | number>): never => {
    throw new SpecwireError(message, { file: overrides?.file, ...overrides?.locate(path) });
  };
  const ir = defineSchemes({ ir: options.ir, define: data.auth?.define, fail });

  checkRuleNames({ ir, rules: data.operations ?? [], fail });
  const actionOverrides = resolveActionOverrides({ ir, actions: data.actions ?? {}, fail });
  const { selected, excluded } = selectOperations({ ir, rules: data.operations ?? [], actionOverrides });

  const connector = data.connector ?? {};
  return {
    ir,
    connector: {
      name: connector.name ?? defaultName,
      displayName: connector.display_name ?? (ir.info.title.trim() || defaultName),
      category: connector.category ?? 'utility',
      description: connector.description ?? firstParagraph(ir.info.description) ?? ir.info.title,
      icon: connector.icon,
      documentationUrl: connector.documentation_url,
    },
    servers: chooseServers({ ir, servers: data.servers, fail }),
    selected,
    excluded,
    authSchemes: chooseAuthSchemes({ ir, schemes: data.auth?.schemes, fail }),
    authFieldText: data.auth?.fields ?? {},
    rateLimits: data.rate_limits,
  };
}

type Fail = (message: string, path: Array<string | number>) => never;

function checkRuleNames(options: { ir: ApiIR; rules: NonNullable<LoadedOverrides['data']['operations']>; fail: Fail }): void {
  const { ir, rules, fail } = options;
  const operationIds = new Set(ir.operations.flatMap((operation) => [operation.operationId ?? operationKey(operation)]));
  const tags = new Set(ir.operations.flatMap((operation) => operation.tags));
  rules.forEach((rule, index) => {
    const kind = 'include' in rule ? 'include' : 'exclude';
    const matcher: OperationMatcher = 'include' in rule ? rule.include : rule.exclude;
    listOf(matcher.operationId).forEach((id, position) => {
      if (!operationIds.has(id)) {
        const at = Array.isArray(matcher.operationId) ? [position] : [];
        fail(`operationId "${id}" names no operation in the spec${didYouMean({ name: id, candidates: operationIds })}`, ['operations', index, kind, 'operationId', ...at]);
      }
    });
    listOf(matcher.tag).forEach((tag, position) => {
      if (!tags.has(tag)) {
        const at = Array.isArray(matcher.tag) ? [position] : [];
        fail(`tag "${tag}" is used by no operation in the spec${didYouMean({ name: tag, candidates: tags })}`, ['operations', index, kind, 'tag', ...at]);
      }
    });
    listOf(matcher.path).forEach((glob, position) => {
      const pattern = globToRegExp(glob);
      if (!ir.operations.some((operation) => pattern.test(operation.path))) {
        const at = Array.isArray(matcher.path) ? [position] : [];
        const paths = new Set(ir.operations.map((operation) => operation.path));
        fail(`path "${glob}" matches no path in the spec${didYouMean({ name: glob, candidates: paths })}`, ['operations', index, kind, 'path', ...at]);
      }
    });
    if (!ir.operations.some((operation) => matchesOperation({ matcher, operation }))) {
      fail(`rule ${kind} ${describeMatcher(matcher)} matches no operation`, ['operations', index, kind]);
    }
  });
}

function resolveActionOverrides(options: {
  ir: ApiIR;
  actions: Record<string, ActionOverride>;
  fail: Fail;
}): Map<OperationIR, ActionOverride> {
  const { ir, actions, fail } = options;
  const byKey = new Map<string, OperationIR>();
  for (const operation of ir.operations) {
    byKey.set(operationKey(operation), operation);
    if (operation.operationId !== undefined && !byKey.has(operation.operationId)) byKey.set(operation.operationId, operation);
  }
  const resolved = new Map<OperationIR, ActionOverride>();
  for (const [key, override] of Object.entries(actions)) {
    const operation = byKey.get(key);
    if (!operation) {
      fail(`actions key "${key}" names no operation (use an operationId, or "METHOD /path" where it has none)${didYouMean({ name: key, candidates: byKey.keys() })}`, ['actions', key]);
    } else {
      resolved.set(operation, override);
    }
  }
  return resolved;
}

function selectOperations(options: {
  ir: ApiIR;
  rules: NonNullable<LoadedOverrides['data']['operations']>;
  actionOverrides: Map<OperationIR, ActionOverride>;
}): { selected: SelectedOperation[]; excluded: ExcludedOperation[] } {
  const { ir, rules, actionOverrides } = options;
  const hasInclude = rules.some((rule) => 'include' in rule);
  const selected: SelectedOperation[] = [];
  const excluded: ExcludedOperation[] = [];
  for (const operation of ir.operations) {
    const index = rules.findIndex((rule) =>
      matchesOperation({ matcher: 'include' in rule ? rule.include : rule.exclude, operation }),
    );
    const rule = index >= 0 ? rules[index] : undefined;
    if (rule && 'exclude' in rule) {
      excluded.push({ operation, reason: `operations[${index}] exclude ${describeMatcher(rule.exclude)}` });
    } else if (!rule && hasInclude) {
      excluded.push({ operation, reason: 'matched by no include rule' });
    } else {
      selected.push({ operation, override: actionOverrides.get(operation) ?? {} });
    }
  }
  return { selected, excluded };
}

function chooseServers(options: { ir: ApiIR; servers: LoadedOverrides['data']['servers']; fail: Fail }): ServerChoice[] {
  const { ir, servers, fail } = options;
  const variables = servers?.variables ?? {};
  const base: ServerIR[] = servers?.base_url ? [serverFromBaseUrl({ url: servers.base_url, variables, fail })] : ir.servers;
  const known = new Set(base.flatMap((server) => Object.keys(server.variables)));
  for (const name of Object.keys(variables)) {
    if (!known.has(name)) {
      fail(`server variable "${name}" is not declared by any server${didYouMean({ name, candidates: known })}`, ['servers', 'variables', name]);
    }
  }
  return base.map((server) => {
    const merged: ServerIR['variables'] = {};
    for (const [name, variable] of Object.entries(server.variables)) {
      const override = variables[name];
      merged[name] = override?.default === undefined ? variable : { ...variable, default: override.default };
    }
    const userSettable = Object.keys(server.variables).filter((name) => variables[name]?.user_settable ?? true);
    return { ...server, variables: merged, userSettable };
  });
}

/** A `base_url` override may hold `{placeholders}` (e.g. a self-hosted instance's host); each needs a default. */
function serverFromBaseUrl(options: {
  url: string;
  variables: Record<string, { default?: string; user_settable?: boolean }>;
  fail: Fail;
}): ServerIR {
  const { url, variables, fail } = options;
  const server: ServerIR = { url, variables: {} };
  for (const [, name] of url.matchAll(/\{([^{}]+)\}/g)) {
    const value = variables[name]?.default;
    if (value === undefined) fail(`servers.base_url uses {${name}}: give servers.variables.${name}.default`, ['servers', 'base_url']);
    server.variables[name] = { default: value! };
  }
  return server;
}

function chooseAuthSchemes(options: { ir: ApiIR; schemes: string[] | undefined; fail: Fail }) {
  const { ir, schemes, fail } = options;
  if (!schemes) return ir.securitySchemes;
  const names = ir.securitySchemes.map((scheme) => scheme.name);
  return schemes.map((name, index) => {
    const scheme = ir.securitySchemes.find((candidate) => candidate.name === name);
    if (!scheme) fail(`security scheme "${name}" is not defined in the spec${didYouMean({ name, candidates: names })}`, ['auth', 'schemes', index]);
    return scheme!;
  });
}

function firstParagraph(text: string | undefined): string | undefined {
  const paragraph = text?.trim().split(/\n\s*\n/)[0]?.trim();
  return paragraph ? paragraph : undefined;
}
