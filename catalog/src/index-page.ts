// The index: every connector, and a search across connector and action names.
import { h } from './dom.ts';

export interface IndexEntry {
  name: string;
  displayName: string;
  description: string;
  actions: Array<{ id: string; name: string }>;
  /** A problem found while reading the definition (the page still lists the connector). */
  error?: string;
}

export function renderIndexPage(options: { entries: IndexEntry[]; root: HTMLElement }): void {
  const search = h('input', { id: 'search', type: 'search', placeholder: 'Search connectors and actions', size: '50' });
  const results = h('ul', { id: 'results' });
  const update = (): void => {
    const query = search.value.trim().toLowerCase();
    results.replaceChildren();
    for (const entry of options.entries) {
      const link = `connector.html?c=${encodeURIComponent(entry.name)}`;
      const connectorMatches = query === '' || entry.displayName.toLowerCase().includes(query) || entry.name.includes(query);
      const actions = query === '' ? [] : entry.actions.filter((action) => action.name.toLowerCase().includes(query) || action.id.includes(query)).slice(0, 50);
      if (!connectorMatches && actions.length === 0) continue;
      results.append(h('li', { 'data-connector': entry.name },
        h('a', { href: link }, entry.displayName), ` — ${entry.actions.length} actions`,
        entry.error ? h('p', { class: 'render-error' }, entry.error) : null,
        actions.length > 0 ? h('ul', {}, ...actions.map((action) => h('li', { 'data-action': action.id }, h('a', { href: `${link}#action-${action.id}` }, action.name)))) : null));
    }
  };
  search.addEventListener('input', update);
  options.root.replaceChildren(h('h1', {}, 'Connectors'), search, results);
  update();
}
