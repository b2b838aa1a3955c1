#!/usr/bin/env bash
# Proves the packages install like any npm package: a throwaway Verdaccio on 127.0.0.1 receives
# @specwire/runtime and two connectors generated with `specwire generate --out` (each installed,
# built and tested on its own first), then the registry package of those two, built the same way; a
# host project in a temporary folder outside the workspace installs them with npm from it and checks
# ESM, CommonJS (the registry loading each connector too), tsc (NodeNext, Bundler, node10) and a
# successful and a failing call against a local server; a host without the runtime gets npm's own
# error. Only @specwire/* comes from the local registry; everything else from npm's default one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CHECKS=$ROOT/.ci/registry-roundtrip
VERDACCIO_VERSION=6.8.0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/specwire-registry-XXXXXX")
REGISTRY_PID=
cleanup() {
  if [ -n "$REGISTRY_PID" ]; then kill -- "-$REGISTRY_PID" 2>/dev/null || kill "$REGISTRY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { printf '\n== registry round trip: %s\n' "$*"; }
quiet_npm() { npm --no-audit --no-fund --loglevel=error "$@"; }

step "local registry"
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
REGISTRY="http://127.0.0.1:$PORT/"
mkdir -p "$WORK/verdaccio"
cat > "$WORK/verdaccio/config.yaml" <<YAML
storage: $WORK/verdaccio/storage
auth:
  htpasswd:
    file: $WORK/verdaccio/htpasswd
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$authenticated
listen: 127.0.0.1:$PORT
log: { type: stdout, format: pretty, level: warn }
YAML
# setsid: Verdaccio runs under npx, so the whole process group is stopped at the end.
(cd "$WORK/verdaccio" && exec setsid npx --yes "verdaccio@$VERDACCIO_VERSION" --config config.yaml >verdaccio.log 2>&1) &
REGISTRY_PID=$!
node -e "
const deadline = Date.now() + 120000;
(async function wait() {
  try { if ((await fetch(process.argv[1] + '-/ping')).ok) return; } catch {}
  if (Date.now() > deadline) { console.error('Verdaccio did not start:'); process.exit(1); }
  setTimeout(wait, 500);
})();" "$REGISTRY" || { cat "$WORK/verdaccio/verdaccio.log"; exit 1; }
TOKEN=$(node -e "
fetch(process.argv[1] + '-/user/org.couchdb.user:ci', { method: 'PUT', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'ci', password: 'local-registry-only' }) })
  .then((r) => r.json()).then((body) => { if (!body.token) throw new Error(JSON.stringify(body)); console.log(body.token); });" "$REGISTRY")
# Every npm command below reads only this config: @specwire/* from the local registry.
export NPM_CONFIG_USERCONFIG="$WORK/npmrc"
printf '@specwire:registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$REGISTRY" "$PORT" "$TOKEN" > "$NPM_CONFIG_USERCONFIG"
echo "Verdaccio $VERDACCIO_VERSION on $REGISTRY"

step "publish @specwire/runtime"
pnpm --filter @specwire/runtime run build >/dev/null
(cd runtime && quiet_npm publish --registry "$REGISTRY")

pnpm --silent specwire --version >/dev/null # builds the CLI first if needed, so the check below sees only generation
for connector in petstore train-travel; do
  step "generate, install, build, test and publish $connector (outside the workspace)"
  out="$WORK/connectors/$connector"
  touch "$WORK/before-generate"
  pnpm --silent specwire generate --overrides "overrides/$connector.yaml" --out "$out"
  # Generating elsewhere links nothing back into the clone (it used to link node_modules): no new
  # symlink and nothing new under a node_modules folder of the clone.
  written=$(find "$ROOT" -newer "$WORK/before-generate" -not -path '*/.git/*' \( -type l -o -path '*/node_modules/*' \) -not -path '*/node_modules/.vite*' -not -path '*/node_modules/.cache/*' -print -quit)
  [ -z "$written" ] || { echo "generate --out wrote into the clone: $written" >&2; exit 1; }
  (cd "$out" && quiet_npm install && npm run --silent build && npx vitest run --reporter=dot && quiet_npm publish --registry "$REGISTRY")
done

step "build and publish the registry of those two connectors (outside the workspace)"
# The workspace's registry emitter (its sources, through tsx: generator/dist holds only the bundled
# CLI), given the two published connectors at their published version.
node --import tsx --conditions=@specwire/source --input-type=module -e "
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emitRegistry } from './generator/src/emit/emit-registry.ts';
import { planConnectorNames } from './generator/src/plan/names.ts';
const [out, ...names] = process.argv.slice(1);
const entries = names.map((name) => ({ ...planConnectorNames(name), displayName: name }));
for (const file of emitRegistry({ packageName: '@specwire/connectors', entries }, { dependencyRange: '0.0.0' })) {
  mkdirSync(dirname(join(out, file.path)), { recursive: true });
  writeFileSync(join(out, file.path), file.contents);
}" "$WORK/connectors/registry" petstore train-travel
(cd "$WORK/connectors/registry" && quiet_npm install && npm run --silent build && quiet_npm publish --registry "$REGISTRY")

step "host project: install from the registry with npm"
HOST="$WORK/host"
mkdir -p "$HOST"
cp "$CHECKS"/* "$HOST/"
(cd "$HOST" && printf '{ "name": "host", "version": "1.0.0", "private": true }\n' > package.json \
  && quiet_npm install @specwire/runtime @specwire/connector-petstore @specwire/connector-train-travel @specwire/connectors typescript@5.9.3 @types/node@20)

step "checks"
(
  cd "$HOST"
  node esm-check.mjs
  node cjs-check.cjs
  node registry-check.mjs
  for resolution in nodenext bundler node10; do
    npx tsc -p "tsconfig.$resolution.json"
    echo "tsc ($resolution): ok"
  done
)

step "a host without the runtime"
BARE="$WORK/bare"
mkdir -p "$BARE"
(cd "$BARE" && printf '{ "name": "bare", "version": "1.0.0", "private": true }\n' > package.json \
  && quiet_npm install --legacy-peer-deps @specwire/connector-petstore)
if (cd "$BARE" && npm ls --all >"$WORK/ls.txt" 2>&1); then
  echo "npm ls should report the missing peer dependency" >&2
  exit 1
fi
grep -E 'UNMET PEER DEPENDENCY|missing:? @specwire/runtime' "$WORK/ls.txt" >/dev/null || { cat "$WORK/ls.txt"; exit 1; }
if (cd "$BARE" && node --input-type=module -e "await import('@specwire/connector-petstore')" 2>"$WORK/import.txt"); then
  echo "importing a connector without the runtime should fail" >&2
  exit 1
fi
grep "Cannot find package '@specwire/runtime'" "$WORK/import.txt" >/dev/null || { cat "$WORK/import.txt"; exit 1; }
echo "npm ls: $(grep -E -m1 'UNMET PEER DEPENDENCY|missing' "$WORK/ls.txt" | sed 's/^[^@A-Za-z]*//')"
echo "node: $(grep -m1 'Cannot find package' "$WORK/import.txt")"

step "passed"
