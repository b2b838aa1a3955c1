import type { ParameterIR } from '../ir/types.ts';
import { SpecwireError } from '../errors/index.ts';
import { warn, type NormaliseContext } from './normalise-context.ts';

/** `{name}` placeholders of a path template, in order. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]);
}

/**
 * Reconciles path parameters with the template. A declared path parameter with no placeholder is an
 * error: none of the corpus specs (23 vendor specs plus GitHub, Directus, Blockfrost) does it, so it
 * signals a broken spec, and guessing where the value goes would send wrong requests. A placeholder
 * nobody declared (Intercom does this) gets a required string parameter, so the path can be filled.
 */
export function reconcilePathParameters(options: {
  context: NormaliseContext;
  path: string;
  operationPointer: string;
  parameters: ParameterIR[];
}): ParameterIR[] {
  const { context, path, operationPointer } = options;
  const placeholders = pathPlaceholders(path);
  const kept = options.parameters.slice();
  for (const parameter of kept) {
    if (parameter.in === 'path' && !placeholders.includes(parameter.name)) {
      throw new SpecwireError(`path parameter "${parameter.name}" has no placeholder in "${path}"`, { file: context.file, pointer: parameter.pointer });
    }
  }
  for (const name of placeholders) {
    if (kept.some((parameter) => parameter.in === 'path' && parameter.name === name)) continue;
    warn(context, operationPointer, `placeholder "{${name}}" in "${path}" has no declared parameter; assumed a required string`);
    kept.push({
      name,
      in: 'path',
      required: true,
      style: 'simple',
      explode: false,
      allowReserved: false,
      contentJson: false,
      schema: { type: 'string' },
      deprecated: false,
      pointer: operationPointer,
    });
  }
  return kept;
}
