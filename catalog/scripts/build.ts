// `pnpm catalog`: builds the catalog of every registered connector into catalog/dist/.
import { fileURLToPath } from 'node:url';
import { connectorInfo, connectorNames, loadConnector } from '@specwire/connectors';
import { buildCatalog, type CatalogConnector } from './build-catalog.ts';

const connectors: CatalogConnector[] = [];
for (const name of connectorNames) {
  const { definition } = await loadConnector(name);
  connectors.push({ name, displayName: connectorInfo[name].displayName, definition });
}
const result = await buildCatalog({ connectors, outDir: fileURLToPath(new URL('../dist', import.meta.url)) });
for (const problem of result.problems) console.error(problem);
console.log(`catalog: ${connectors.length} connectors in ${result.milliseconds} ms, ${(result.bytes / 1024 / 1024).toFixed(2)} MB (catalog/dist)`);
