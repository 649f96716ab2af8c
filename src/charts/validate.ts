/**
 * Validates specs against the JSON schema shipped with vega-lite (draft-07). Compiling the
 * schema takes seconds, so the validator is built once, on first use, and never by the
 * main job.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';

let validator: ValidateFunction | null = null;

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/;

function specValidator(): ValidateFunction {
  if (validator) return validator;
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const schema = require('vega-lite/build/vega-lite-schema.json') as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('color-hex', HEX_COLOR);
  ajv.addFormat('uri', URI);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  validator = ajv.compile(schema);
  return validator;
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ' ' + JSON.stringify(e.params) : ''}`;
}

/** Schema errors of a spec; empty when valid. Union schemas give many alternatives, so only the first few are listed. */
export function specSchemaErrors(spec: unknown, max = 8): string[] {
  const validate = specValidator();
  if (validate(spec)) return [];
  return (validate.errors ?? []).slice(0, max).map(describe);
}

/** Throws with the schema errors when the spec does not match vega-lite's schema. */
export function assertValidSpec(spec: unknown, name = 'chart'): void {
  const errors = specSchemaErrors(spec);
  if (errors.length) throw new Error(`chart '${name}' does not match the vega-lite schema:\n  ${errors.join('\n  ')}`);
}
