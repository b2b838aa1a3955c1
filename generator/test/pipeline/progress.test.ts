import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGenerationProgress, type GenerationProgress } from '../../src/pipeline/progress.ts';

function captureStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 80, rows: 24 });
  return { stream, text: () => chunks.join('') };
}

function drive(progress: GenerationProgress): void {
  progress.plan(['github', 'petstore']);
  progress.start('github');
  progress.done('github', '59 actions');
  progress.done('petstore', '20 actions, unchanged');
  progress.finish('generated 2 connectors');
}

describe('generation progress', () => {
  it('prints one plain line per connector with its time when not on a terminal', async () => {
    const { stream, text } = captureStream(false);
    drive(await createGenerationProgress({ quiet: false, stream }));
    expect(text()).toMatch(/^2 connectors: unchanged ones are reused, the rest generated\ngithub: 59 actions \(\d+ ms\)\npetstore: 20 actions, unchanged\ngenerated 2 connectors\n$/);
  });

  it('prints nothing with quiet', async () => {
    const { stream, text } = captureStream(true);
    drive(await createGenerationProgress({ quiet: true, stream }));
    expect(text()).toBe('');
  });

  it('redraws a block of per-connector lines on a terminal', async () => {
    const { stream, text: raw } = captureStream(true);
    drive(await createGenerationProgress({ quiet: false, stream }));
    const text = (): string => raw().replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(text()).toContain('✓ github    59 actions (');
    expect(text()).toContain('✓ petstore  20 actions, unchanged');
    expect(text()).toMatch(/generated 2 connectors\n$/);
  });

  it('colours the terminal block, unless NO_COLOR is set', async () => {
    const saved = process.env.NO_COLOR;
    try {
      delete process.env.NO_COLOR;
      const coloured = captureStream(true);
      drive(await createGenerationProgress({ quiet: false, stream: coloured.stream }));
      expect(coloured.text()).toContain('\u001b[32m✓\u001b[39m github');
      process.env.NO_COLOR = '1';
      const plain = captureStream(true);
      drive(await createGenerationProgress({ quiet: false, stream: plain.stream }));
      expect(plain.text()).not.toContain('\u001b[32m');
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});
