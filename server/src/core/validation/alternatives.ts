/**
 * Collapses `oneOf`/`anyOf` noise. For a failed alternative ajv reports the failure of every branch plus a
 * summary error ("must match exactly one schema in oneOf"): for `team: [...]` that is the object branch's
 * "must be object" next to the list branch's real mistake. We keep only the branch the author evidently meant
 * (its type fits the value, and it has the fewest errors), or one summarising message when no branch stands
 * out: "needs exactly one of `mustBe`, `mustNotBe`, ...", "must be a reference like `object.property` or ...".
 *
 * Which branch an error came from is decided by walking each branch schema to the error's location and
 * matching the error's `schemaPath` (see `producerOf`), so this needs no `verbose` ajv output and no
 * re-validation. `if` errors ("must match then schema") are dropped here too: the `then` branch's own error
 * is always reported next to them and names the condition itself.
 */
import type { ErrorObject } from 'ajv';
import type { ValuePath } from '../types';
import { fromInstancePath, isRecord, isSchema, resolveRef, valueAt, type JsonSchema } from './jsonSchema';
import { actualType, definitionNoun, dottedReferenceHint, expectedTypes, formName, keyLabel, listKeys } from './labels';
import { conditionPrefix } from './messages';
import type { MappingContext, SchemaProblem } from './problems';
import { producerOf, type ApplicableSchema } from './schemaWalker';

export interface CollapsedErrors {
  /** The ajv errors still to be turned into messages one by one. */
  readonly errors: ErrorObject[];
  /** Messages that replace a whole group of branch errors. */
  readonly problems: SchemaProblem[];
}

export function collapseAlternatives(errors: readonly ErrorObject[], ctx: MappingContext): CollapsedErrors {
  let remaining = errors.filter((error) => error.keyword !== 'if');
  const problems: SchemaProblem[] = [];
  for (;;) {
    const combinator = outermostCombinator(remaining);
    if (!combinator) break;
    remaining = resolveCombinator(combinator, remaining, problems, ctx);
  }
  return { errors: remaining, problems };
}

function outermostCombinator(errors: readonly ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    // ajv reports a combinator after the errors of its branches, so of two at one location the later is the outer.
    if (!best || error.instancePath.length <= best.instancePath.length) best = error;
  }
  return best;
}

function resolveCombinator(combinator: ErrorObject, errors: readonly ErrorObject[], problems: SchemaProblem[], ctx: MappingContext): ErrorObject[] {
  const path = fromInstancePath(combinator.instancePath, ctx.data);
  const rest = errors.filter((error) => error !== combinator);
  const owner = producerOf(ctx.walker.at(path), combinator.keyword, combinator.schemaPath);
  const branches = owner?.schema[combinator.keyword] as readonly (JsonSchema | boolean)[] | undefined;
  if (!owner || !branches) {
    problems.push(genericProblem(path));
    return rest;
  }
  const inside = rest.filter((error) => isAtOrUnder(error.instancePath, combinator.instancePath));
  const claims = branches.map((branch, index) => inside.filter((error) => claimedBy(branch, index, owner, combinator.keyword, path, error, ctx)));
  const claimed = new Set(claims.flat());
  const unclaimed = (keep: readonly ErrorObject[] = []): ErrorObject[] => rest.filter((error) => !claimed.has(error) || keep.includes(error));
  const data = valueAt(ctx.data, path);

  if (combinator.keyword === 'oneOf' && Array.isArray(combinator.params.passingSchemas)) {
    problems.push(ambiguousProblem(path, branches, combinator.params.passingSchemas as number[], data, owner, ctx));
    return unclaimed();
  }
  const compatible = branches.flatMap((branch, index) => (isSchema(branch) && ctx.walker.typeCompatible(branch, data) ? [index] : []));
  if (compatible.length === 0) {
    problems.push(typeProblem(path, branches, data, ctx));
    return unclaimed();
  }
  const fewest = Math.min(...compatible.map((index) => claims[index]!.length));
  const tied = compatible.filter((index) => claims[index]!.length === fewest);
  if (tied.length > 1) {
    const keys = singleRequiredKeys(tied.map((index) => claims[index]!), combinator.instancePath);
    if (keys) {
      problems.push(needsOneOfProblem(path, keys, combinator.keyword === 'oneOf', owner, ctx));
      return unclaimed();
    }
    if (tied.every((index) => claims[index]!.every((error) => error.keyword === 'pattern' && error.instancePath === combinator.instancePath))) {
      problems.push(formProblem(path, tied.map((index) => branches[index]!), data, ctx));
      return unclaimed();
    }
    const matching = matchingTypesProblem(path, tied.map((index) => branches[index]!), tied.map((index) => claims[index]!), data);
    if (matching) {
      problems.push(matching);
      return unclaimed();
    }
  }
  const chosen = claims[tied[0]!]!;
  if (chosen.length === 0) problems.push(genericProblem(path));
  return unclaimed(chosen);
}

function claimedBy(branch: JsonSchema | boolean, index: number, owner: ApplicableSchema, keyword: string, path: ValuePath, error: ErrorObject, ctx: MappingContext): boolean {
  if (!isSchema(branch)) return false;
  const start: ApplicableSchema = { ...owner, schema: branch, pointer: `${owner.pointer}/${keyword}/${index}` };
  const relative = fromInstancePath(error.instancePath, ctx.data).slice(path.length);
  return producerOf(ctx.walker.from([start], path, relative, true), error.keyword, error.schemaPath) !== undefined;
}

function isAtOrUnder(instancePath: string, base: string): boolean {
  return instancePath === base || instancePath.startsWith(`${base}/`);
}

/** When every tied branch fails only because one key is missing at the combinator's own location. */
function singleRequiredKeys(claims: readonly (readonly ErrorObject[])[], instancePath: string): string[] | undefined {
  const keys: string[] = [];
  for (const claim of claims) {
    const only = claim.length === 1 ? claim[0]! : undefined;
    if (!only || only.keyword !== 'required' || only.instancePath !== instancePath) return undefined;
    keys.push(String(only.params.missingProperty));
  }
  return keys;
}

function nounAt(path: ValuePath, ctx: MappingContext): string {
  return definitionNoun(ctx.walker.at(path).find((applicable) => applicable.defName)?.defName) ?? 'entry';
}

function needsOneOfProblem(path: ValuePath, keys: readonly string[], exactlyOne: boolean, owner: ApplicableSchema, ctx: MappingContext): SchemaProblem {
  const message = `${conditionPrefix(owner, ctx)}this ${nounAt(path, ctx)} needs ${exactlyOne ? 'exactly' : 'at least'} one of ${keys.map((key) => `\`${key}\``).join(', ')}.`;
  return { path, placement: 'parent', code: 'schema/required', message: capitalise(message) };
}

function ambiguousProblem(path: ValuePath, branches: readonly (JsonSchema | boolean)[], passing: readonly number[], data: unknown, owner: ApplicableSchema, ctx: MappingContext): SchemaProblem {
  const keyed = passing.map((index) => branches[index]).map((branch) => (isSchema(branch) && branch.required?.length === 1 ? branch.required[0]! : undefined));
  if (isRecord(data) && keyed.every((key): key is string => key !== undefined && key in data)) {
    const allKeys = branches.flatMap((branch) => (isSchema(branch) && branch.required?.length === 1 ? [branch.required[0]!] : []));
    const message = `${conditionPrefix(owner, ctx)}use only one of ${listKeys(keyed)}: this ${nounAt(path, ctx)} takes exactly one of ${allKeys.map((key) => `\`${key}\``).join(', ')}.`;
    return { path: [...path, keyed[keyed.length - 1]!], placement: 'key', code: 'schema/one-of', message: capitalise(message) };
  }
  return { path, placement: 'value', code: 'schema/one-of', message: capitalise(`${keyLabel(path)} fits more than one of the allowed forms; it must fit exactly one.`) };
}

function typeProblem(path: ValuePath, branches: readonly (JsonSchema | boolean)[], data: unknown, ctx: MappingContext): SchemaProblem {
  const types = new Set<string>();
  const collect = (branch: JsonSchema | boolean, depth: number): void => {
    if (!isSchema(branch)) return;
    const target = branch.$ref ? resolveRef(ctx.walker.root, branch.$ref)?.schema : undefined;
    const type = branch.type ?? (isSchema(target) ? target.type : undefined);
    for (const name of typeof type === 'string' ? [type] : (type ?? [])) types.add(name);
    // A branch that is itself a choice of references (a relationship's single `from`) takes its options' types.
    if (type === undefined && depth === 0) for (const option of [...(branch.anyOf ?? []), ...(branch.oneOf ?? [])]) collect(option, depth + 1);
  };
  for (const branch of branches) collect(branch, 0);
  const message = data === null || data === undefined
    ? `${keyLabel(path)} has no value; it must be ${expectedTypes([...types])}.`
    : `${keyLabel(path)} must be ${expectedTypes([...types])}, not ${actualType(data)}.`;
  return { path, placement: 'value', code: 'schema/type', message: capitalise(message) };
}

function formProblem(path: ValuePath, branches: readonly (JsonSchema | boolean)[], data: unknown, ctx: MappingContext): SchemaProblem {
  const defNames: (string | undefined)[] = [];
  const forms = branches.map((branch) => {
    if (!isSchema(branch)) return 'another form';
    const target = branch.$ref ? resolveRef(ctx.walker.root, branch.$ref) : undefined;
    const defName = target ? /^\/\$defs\/([^/]+)$/.exec(target.pointer)?.[1] : undefined;
    defNames.push(defName);
    const pattern = branch.pattern ?? (target && isSchema(target.schema) ? target.schema.pattern : undefined);
    return formName(defName, pattern);
  });
  const hint = defNames.includes('ShorthandReference') ? dottedReferenceHint(data) : '';
  const message = `${keyLabel(path)} must have the form ${forms.join(' or ')}.${hint}`;
  return { path, placement: 'value', code: 'schema/pattern', message: capitalise(message) };
}

/**
 * Branches that differ only in the types of some keys, each failing on a type: "`from` and `to` must both be
 * text values or both be lists" says what to do, where either branch's own error would mislead.
 */
function matchingTypesProblem(path: ValuePath, branches: readonly (JsonSchema | boolean)[], claims: readonly (readonly ErrorObject[])[], data: unknown): SchemaProblem | undefined {
  if (!isRecord(data) || !claims.every((claim) => claim.length > 0 && claim.every((error) => error.keyword === 'type'))) return undefined;
  const keys = Object.keys((isSchema(branches[0]) && branches[0].properties) || {}).filter((key) => key in data);
  if (keys.length < 2) return undefined;
  const typeWords: string[] = [];
  for (const branch of branches) {
    const types = new Set(keys.map((key) => {
      const sub = isSchema(branch) ? branch.properties?.[key] : undefined;
      return isSchema(sub) && typeof sub.type === 'string' ? sub.type : undefined;
    }));
    const [only] = [...types];
    if (types.size !== 1 || only === undefined) return undefined;
    typeWords.push(expectedTypes([only]).replace(/^an? /, ''));
  }
  const both = keys.length === 2 ? 'both' : 'all';
  const message = `${listKeys(keys)} must ${both} be ${typeWords.map((word) => `${word}s`).join(` or ${both} be `)}.`;
  return { path, placement: 'parent', code: 'schema/type', message: capitalise(message) };
}

function genericProblem(path: ValuePath): SchemaProblem {
  return { path, placement: 'value', code: 'schema/one-of', message: capitalise(`${keyLabel(path)} does not fit any of the allowed forms.`) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
