/**
 * Validators compiled at build time. Compiling our schemas with ajv takes over a second, which a fresh language
 * server would otherwise spend before its first diagnostic. scripts/build.mjs replaces this module in the
 * bundles with ajv's standalone code for the three schemas; in tests (run from source) it stays undefined and
 * `compileValidators()` compiles at run time instead, so both paths use the very same schemas.
 */
import type { ValidateFunction } from 'ajv';

export interface PrecompiledValidators {
  readonly odcs: ValidateFunction;
  readonly odps: ValidateFunction;
  readonly rules: ValidateFunction;
  readonly odcsSchemaObject: ValidateFunction;
}

export const precompiledValidators: PrecompiledValidators | undefined = undefined;
