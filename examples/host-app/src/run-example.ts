import { loadConnector } from '@specwire/connectors';
import { createConnector, type ConnectorResponse } from '@specwire/runtime';
import { definition, GithubConnector } from '@specwire/connector-github';

export interface ExampleResults {
  /** Action picker entries a host UI would show. */
  actionCount: number;
  generic: ConnectorResponse;
  typed: ConnectorResponse<{ number: number; title: string }>;
  badInput: ConnectorResponse;
  badToken: ConnectorResponse;
}

/** What a host does with a generated connector, against any base URL (a local fake in tests). */
export async function runExample(options: { baseUrl: string }): Promise<ExampleResults> {
  const credentials = { accessToken: 'example-token' };

  // 1. Generic: the host knows nothing but the definition (e.g. loaded from the registry).
  const registry = await loadConnector('github');
  const generic = await createConnector(registry.definition, { credentials, baseUrl: options.baseUrl }).executeAction(
    'issues_create',
    { owner: 'octo', repo: 'hello', title: 'Found a bug', labels: ['bug'] },
  );

  // 2. Typed: the generated class, with input and output types from the spec.
  const github = new GithubConnector({ credentials, baseUrl: options.baseUrl });
  const typed = await github.issuesCreate({ owner: 'octo', repo: 'hello', title: 'Typed call' });

  // 3. Input that does not fit the schema never reaches the API.
  const badInput = await github.executeAction('issues_create', { owner: 'octo', repo: 'hello' });

  // 4. A rejected credential comes back as a normalised error, without the token in it.
  const badToken = await createConnector(definition, { credentials: { accessToken: 'wrong-token' }, baseUrl: options.baseUrl })
    .executeAction('issues_create', { owner: 'octo', repo: 'hello', title: 'x' });

  return {
    actionCount: definition.supported_actions.length,
    generic,
    typed: typed as ConnectorResponse<{ number: number; title: string }>,
    badInput,
    badToken,
  };
}
