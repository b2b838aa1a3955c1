import { SpecwireError } from '../errors/index.ts';
import type { ApiIR, OperationIR, ServerIR } from '../ir/types.ts';
import { defineSchemes } from './define-schemes.ts';
import { foldCredentialParameters } from './fold-credential-parameters.ts';
import { didYouMean } from './did-you-mean.ts';
import type { LoadedOverrides } from './load-overrides.ts';
import { applyOAuth2Settings } from './apply-oauth2-settings.ts';
import { checkTriggers } from './check-triggers.ts';
import { describeMatch, describeMatcher, globToRegExp, listOf, matchesOperation, operationKey, operationsByKey } from './match-operation.ts';
import type { ActionEntry, OperationMatcher } from './file-types.ts';
import type { ActionOverride, CuratedApi, ExcludedOperation, SelectedOperation, ServerChoice } from './types.ts';
import { nonPublicUrlReason } from '../load/index.ts';
import { dropPrivateServers } from './private-servers.ts';

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
  const declared = defineSchemes({ ir: options.ir, define: data.auth?.define, fail });
  const defined = foldCredentialParameters({ ir: declared, enabled: data.auth?.fold_credential_parameters !== false });
  const ir = dropPrivateServers({
    ir: applyOAuth2Settings({ ir: defined, settings: data.auth?.oauth2, fail }),
    allow: data.servers?.allow_private_base_url === true,
  });

  checkRuleNames({ ir, rules: data.operations ?? [], fail });
  const actionOverrides = resolveActionOverrides({ ir, actions: data.actions ?? {}, fail });
  const { selected, excluded } = selectOperations({
    ir,
    rules: data.operations ?? [],
    operationsDefault: data.operations_default,
    actionOverrides,
  });
  refuseCurationOfExcluded({ excluded, actionOverrides, fail });
  const locate = (path: Array<string | number>) => ({ file: overrides?.file, ...overrides?.locate(path) });

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
    ...chooseConnectionTest({ ir, testAction: data.auth?.test_action, testInput: data.auth?.test_input, selected, excluded, fail }),
    ...(data.retry
      ? {
          retry: {
            ...(data.retry.idempotency_header !== undefined ? { idempotencyHeader: data.retry.idempotency_header } : {}),
            ...(data.retry.max_attempts !== undefined ? { maxAttempts: data.retry.max_attempts } : {}),
          },
        }
      : {}),
    triggers: checkTriggers({ ir, triggers: data.triggers, webhooks: data.webhooks, fail }),
    ...(data.webhooks ? { webhooks: data.webhooks } : {}),
    locate,
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
  actions: Record<string, ActionEntry>;
  fail: Fail;
}): Map<OperationIR, ActionOverride> {
  const { ir, actions, fail } = options;
  const byKey = operationsByKey(ir);
  const resolved = new Map<OperationIR, ActionOverride>();
  for (const [key, entry] of Object.entries(actions)) {
    const operation = byKey.get(key);
    if (!operation) {
      fail(`actions key "${key}" names no operation (use an operationId, or "METHOD /path" where it has none)${didYouMean({ name: key, candidates: byKey.keys() })}`, ['actions', key]);
    } else if (resolved.has(operation)) {
      fail(`actions key "${key}" names the same operation as another key; keep one`, ['actions', key]);
    } else {
      resolved.set(operation, toActionOverride({ key, entry }));
    }
  }
  return resolved;
}

function toActionOverride(options: { key: string; entry: ActionEntry }): ActionOverride {
  const { key, entry } = options;
  const retry = entry.retry
    ? {
        ...(entry.retry.idempotency_header !== undefined ? { idempotencyHeader: entry.retry.idempotency_header } : {}),
        ...(entry.retry.retryable !== undefined ? { retryable: entry.retry.retryable } : {}),
      }
    : undefined;
  const override: ActionOverride = {
    key,
    id: entry.id,
    name: entry.name,
    description: entry.description,
    category: entry.category,
    fields: entry.fields,
    fieldOrder: entry.field_order,
    pagination: entry.pagination,
    retry,
  };
  // Absent keys stay absent, so an entry with only a name compares equal to `{ key, name }`.
  return Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) as ActionOverride;
}

/** Curating an operation that is not an action would silently do nothing: say so instead. */
function refuseCurationOfExcluded(options: {
  excluded: ExcludedOperation[];
  actionOverrides: Map<OperationIR, ActionOverride>;
  fail: Fail;
}): void {
  for (const entry of options.excluded) {
    const override = options.actionOverrides.get(entry.operation);
    if (override?.key !== undefined) {
      options.fail(`actions key "${override.key}" curates an operation that is not an action (${entry.reason}); include it in operations or remove the entry`, ['actions', override.key]);
    }
  }
}

function chooseConnectionTest(options: {
  ir: ApiIR;
  testAction: string | undefined;
  testInput: Record<string, unknown> | undefined;
  selected: SelectedOperation[];
  excluded: ExcludedOperation[];
  fail: Fail;
}): Pick<CuratedApi, 'connectionTest'> {
  const { testAction, testInput, fail } = options;
  if (testAction === undefined) {
    if (testInput !== undefined) fail('auth.test_input needs auth.test_action', ['auth', 'test_input']);
    return {};
  }
  const byKey = operationsByKey(options.ir);
  const operation = byKey.get(testAction);
  const at = ['auth', 'test_action'];
  if (!operation) {
    fail(`auth.test_action "${testAction}" names no operation${didYouMean({ name: testAction, candidates: byKey.keys() })}`, at);
  }
  const excluded = options.excluded.find((entry) => entry.operation === operation);
  if (excluded) {
    fail(`auth.test_action "${testAction}" is not an action of this connector (${excluded.reason}); include it in operations`, at);
  }
  return { connectionTest: { operation: operation!, ...(testInput !== undefined ? { input: testInput } : {}) } };
}

function selectOperations(options: {
  ir: ApiIR;
  rules: NonNullable<LoadedOverrides['data']['operations']>;
  operationsDefault: 'include' | 'exclude' | undefined;
  actionOverrides: Map<OperationIR, ActionOverride>;
}): { selected: SelectedOperation[]; excluded: ExcludedOperation[] } {
  const { ir, rules, actionOverrides } = options;
  const hasInclude = rules.some((rule) => 'include' in rule);
  const fallback = options.operationsDefault ?? (hasInclude ? 'exclude' : 'include');
  const implicit = options.operationsDefault === undefined;
  const fallbackRule = implicit ? (hasInclude ? 'matched by no include rule' : 'no rule excludes it') : `operations_default: ${fallback}`;
  const selected: SelectedOperation[] = [];
  const excluded: ExcludedOperation[] = [];
  for (const operation of ir.operations) {
    const index = rules.findIndex((rule) =>
      matchesOperation({ matcher: 'include' in rule ? rule.include : rule.exclude, operation }),
    );
    const rule = index >= 0 ? rules[index] : undefined;
    if (rule && 'exclude' in rule) {
      const reason = `operations[${index}] exclude ${describeMatch({ matcher: rule.exclude, operation })}`;
      excluded.push({ operation, reason, decision: { ruleIndex: index, rule: reason, implicit: false } });
    } else if (rule && 'include' in rule) {
      const decision = { ruleIndex: index, rule: `operations[${index}] include ${describeMatch({ matcher: rule.include, operation })}`, implicit: false };
      selected.push({ operation, override: actionOverrides.get(operation) ?? {}, decision });
    } else if (fallback === 'exclude') {
      excluded.push({ operation, reason: fallbackRule, decision: { rule: fallbackRule, implicit } });
    } else {
      selected.push({ operation, override: actionOverrides.get(operation) ?? {}, decision: { rule: fallbackRule, implicit } });
    }
  }
  return { selected, excluded };
}

function chooseServers(options: { ir: ApiIR; servers: LoadedOverrides['data']['servers']; fail: Fail }): ServerChoice[] {
  const { ir, servers, fail } = options;
  const variables = servers?.variables ?? {};
  if (servers?.base_url && servers.allow_private_base_url !== true) refusePrivateBaseUrl({ url: servers.base_url, variables, fail });
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

/**
 * A base URL that reaches this machine, the local network or cloud metadata would send every
 * request, credentials included, there; it needs `allow_private_base_url: true` to say it is meant.
 */
function refusePrivateBaseUrl(options: { url: string; variables: Record<string, { default?: string }>; fail: Fail }): void {
  const expanded = options.url.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => options.variables[name]?.default ?? 'placeholder');
  const reason = nonPublicUrlReason(expanded);
  if (reason !== undefined) {
    options.fail(`servers.base_url is refused: ${reason}; set servers.allow_private_base_url: true if this is intended`, ['servers', 'base_url']);
  }
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
