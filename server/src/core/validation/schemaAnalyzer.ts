/**
 * The schema validation layer: validates the document's value with the compiled ajv validator for its kind
 * and turns the errors into findings on the exact nodes. A valid document costs one ajv call; everything
 * else (walking the schema, locating nodes) happens only for documents that have errors. The result is
 * memoised per parse, so the semantic layer can ask "did the schema already complain here?" for free.
 *
 * A contract is validated object by object: the document without its schema objects, then each object against
 * the schema-object definition, with the errors of an object remembered while the object is unchanged (the
 * incremental reparse keeps untouched objects identical). A keystroke in a 4 MB contract then validates one
 * object, not a thousand. The errors are the ones the whole-document validator reports, paths included.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Analyzer } from '../analyze';
import { ObjectMemo } from '../objectMemo';
import { compileValidators } from '../schemas';
import type { DescriptorKind, Finding, ValuePath } from '../types';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import { mapSchemaErrors } from './errorMapping';
import { toPointer, type JsonSchema } from './jsonSchema';
import { legacyGeneration, legacyVersionFinding } from './legacyVersion';
import { spanFor } from './placement';
import type { SchemaProblem } from './problems';
import { SchemaWalker } from './schemaWalker';

export interface SchemaValidationResult {
  readonly findings: readonly Finding[];
  /** JSON pointers of every node with a schema problem and of all their ancestors (reported or not). */
  readonly flaggedPointers: ReadonlySet<string>;
}

const EMPTY: SchemaValidationResult = { findings: [], flaggedPointers: new Set() };
const results = new WeakMap<ParsedDescriptor, SchemaValidationResult>();

export const schemaAnalyzer: Analyzer = (parsed) => schemaValidation(parsed).findings;

export function schemaValidation(parsed: ParsedDescriptor): SchemaValidationResult {
  let result = results.get(parsed);
  if (!result) {
    result = validate(parsed);
    results.set(parsed, result);
  }
  return result;
}

function validatorFor(kind: DescriptorKind): ValidateFunction {
  const validators = compileValidators();
  return kind === 'DataContract' ? validators.odcs : validators.odps;
}

function validate(parsed: ParsedDescriptor): SchemaValidationResult {
  const { kind, document, value } = parsed;
  if (!kind || !document || value === undefined) return EMPTY;
  const validator = validatorFor(kind);
  const errors = kind === 'DataContract' ? contractErrors(value) : validator(value) ? [] : validator.errors ?? [];
  const problems = errors.length === 0 ? [] : mapSchemaErrors(errors, {
    walker: new SchemaWalker(validator.schema as JsonSchema, value),
    data: value,
    kind,
    sourceOf: (path: ValuePath) => {
      const node = locate(document, path).node as { source?: unknown } | null | undefined;
      return typeof node?.source === 'string' ? node.source : undefined;
    },
  });
  const generation = legacyGeneration(parsed);
  if (generation) return { findings: [legacyVersionFinding(parsed, generation, problems)], flaggedPointers: flagged(problems) };
  return problems.length ? { findings: toFindings(parsed, problems), flaggedPointers: flagged(problems) } : EMPTY;
}

const objectErrors = new ObjectMemo<readonly ErrorObject[]>();

/** The whole-document validator's errors for a contract, computed object by object (see the module doc). */
export function contractErrors(value: unknown): readonly ErrorObject[] {
  const { odcs, odcsSchemaObject } = compileValidators();
  const objects = isPlainObject(value) ? value.schema : undefined;
  if (!isPlainObject(value) || !Array.isArray(objects)) return odcs(value) ? [] : odcs.errors ?? [];
  const errors: ErrorObject[] = odcs({ ...value, schema: [] }) ? [] : [...(odcs.errors ?? [])];
  objects.forEach((object: unknown, index) => {
    const validateObject = (): readonly ErrorObject[] => {
      if (odcsSchemaObject(object)) return [];
      return (odcsSchemaObject.errors ?? []).map((error) => ({ ...error, instancePath: `/schema/${index}${error.instancePath}` }));
    };
    const found = typeof object === 'object' && object !== null ? objectErrors.get(object, index, odcsSchemaObject, validateObject) : validateObject();
    for (const error of found) errors.push(error);
  });
  return errors;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One finding per node and kind of problem, in document order. */
function toFindings(parsed: ParsedDescriptor, problems: readonly SchemaProblem[]): Finding[] {
  const bySpanAndCode = new Map<string, Finding>();
  for (const problem of problems) {
    const span = spanFor(parsed.document!, problem.path, problem.placement);
    const key = `${span.start}:${span.end}:${problem.code}`;
    const earlier = bySpanAndCode.get(key);
    if (earlier) {
      // Two problems of one kind on one node (say, two missing keys from two schema branches) read as one.
      if (!earlier.message.includes(problem.message)) bySpanAndCode.set(key, { ...earlier, message: `${earlier.message} ${problem.message}` });
      continue;
    }
    bySpanAndCode.set(key, {
      span, message: problem.message, severity: 'error', code: problem.code, source: 'schema',
      ...(problem.fixes?.length ? { data: { fixes: problem.fixes } } : {}),
    });
  }
  return [...bySpanAndCode.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function flagged(problems: readonly SchemaProblem[]): Set<string> {
  const pointers = new Set<string>();
  for (const problem of problems) {
    for (let depth = 0; depth <= problem.path.length; depth++) pointers.add(toPointer(problem.path.slice(0, depth)));
  }
  return pointers;
}
