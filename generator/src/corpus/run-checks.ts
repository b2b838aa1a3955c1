import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CheckResult {
  ok: boolean;
  /** First meaningful line of the failure output. */
  detail: string;
  seconds: number;
}

/** Type-checks a generated package with the workspace's TypeScript. */
export function typecheckPackage(options: { root: string; packageDir: string }): Promise<CheckResult> {
  const tsc = join(options.root, 'node_modules', 'typescript', 'bin', 'tsc');
  return runNode({ args: [tsc, '-p', join(options.packageDir, 'tsconfig.json')], cwd: options.packageDir, pick: /error TS\d+.*/ });
}

/** Runs a generated package's tests with the workspace's vitest. */
export function testPackage(options: { root: string; packageDir: string }): Promise<CheckResult> {
  const vitest = join(options.root, 'node_modules', 'vitest', 'vitest.mjs');
  return runNode({ args: [vitest, 'run', '--root', options.packageDir, '--reporter=dot'], cwd: options.packageDir, pick: /(FAIL|AssertionError|Error:).*/ });
}

function runNode(options: { args: string[]; cwd: string; pick: RegExp }): Promise<CheckResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', CI: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const detail = code === 0 ? '' : (options.pick.exec(output)?.[0] ?? output.trim().split('\n').slice(-1)[0] ?? '').slice(0, 200);
      resolve({ ok: code === 0, detail, seconds });
    });
  });
}
