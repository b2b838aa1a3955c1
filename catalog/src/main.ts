// Browser entry: reads only the catalog's data files (the registry list and each definition as JSON).
import type { ConnectorDefinition } from '@specwire/runtime';
import { renderConnectorPage } from './connector-page.ts';
import { renderIndexPage, type IndexEntry } from './index-page.ts';

async function start(): Promise<void> {
  const root = document.getElementById('app') as HTMLElement;
  const params = new URLSearchParams(location.search);
  const name = params.get('c');
  if (name === null) {
    const entries = (await (await fetch('data/index.json')).json()) as IndexEntry[];
    renderIndexPage({ entries, root });
  } else {
    const response = await fetch(`data/${encodeURIComponent(name)}.json`);
    if (!response.ok) throw new Error(`No connector named ${JSON.stringify(name)} in this catalog`);
    const definition = (await response.json()) as ConnectorDefinition;
    document.title = `${definition.display_name ?? name} — connector catalog`;
    renderConnectorPage({ definition, root, expandAll: params.get('all') === '1' });
    if (location.hash) document.getElementById(location.hash.slice(1))?.setAttribute('open', '');
  }
  document.body.setAttribute('data-ready', '');
}

start().catch((error: unknown) => {
  document.body.append(String(error));
  document.body.setAttribute('data-ready', 'error');
  throw error;
});
