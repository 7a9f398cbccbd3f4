/**
 * ajv's error list -> the problems an author should see: alternatives collapsed to the meant branch, `if`
 * echoes dropped, the missing keys of one mapping merged into one problem, and value problems that a type
 * error at the same node already explains dropped ("must be a string" says enough about `logicalType: 5`).
 */
import type { ErrorObject } from 'ajv';
import { collapseAlternatives } from './alternatives';
import { fromInstancePath, toPointer } from './jsonSchema';
import { problemForError, requiredProblem } from './messages';
import type { MappingContext, SchemaProblem } from './problems';

export function mapSchemaErrors(errors: readonly ErrorObject[], ctx: MappingContext): SchemaProblem[] {
  const { errors: remaining, problems: collapsed } = collapseAlternatives(errors, ctx);
  const problems: SchemaProblem[] = [];
  const missingKeys = new Map<string, ErrorObject[]>();
  for (const error of remaining) {
    if (error.keyword === 'required') {
      const group = missingKeys.get(error.instancePath);
      if (group) group.push(error);
      else missingKeys.set(error.instancePath, [error]);
      continue;
    }
    const problem = problemForError(error, fromInstancePath(error.instancePath, ctx.data), ctx);
    if (problem) problems.push(problem);
  }
  for (const [instancePath, group] of missingKeys) problems.push(requiredProblem(fromInstancePath(instancePath, ctx.data), group, ctx));
  // Summaries of alternatives go last, so that merged messages on one node name the plain missing keys first.
  problems.push(...collapsed);
  return withoutShadowedValueProblems(withoutMisspeltRequiredKeys(problems));
}

/**
 * `usernme: jo` is one mistake, not two: the unknown key already suggests the missing required `username`,
 * so the "missing `username`" problem on the same mapping is dropped.
 */
function withoutMisspeltRequiredKeys(problems: readonly SchemaProblem[]): SchemaProblem[] {
  const renamedTo = new Map<string, Set<string>>();
  for (const problem of problems) {
    if (problem.code !== 'schema/unknown-key') continue;
    for (const action of problem.fixes?.flatMap((fix) => fix.actions) ?? []) {
      if (action.kind !== 'renameKey') continue;
      const parent = toPointer(problem.path.slice(0, -1));
      if (!renamedTo.has(parent)) renamedTo.set(parent, new Set());
      renamedTo.get(parent)!.add(action.newKey);
    }
  }
  if (renamedTo.size === 0) return [...problems];
  return problems.filter((problem) => {
    const renamed = problem.code === 'schema/required' && problem.missing ? renamedTo.get(toPointer(problem.path)) : undefined;
    return !renamed || !problem.missing!.every((key) => renamed.has(key));
  });
}

function withoutShadowedValueProblems(problems: readonly SchemaProblem[]): SchemaProblem[] {
  const wrongType = new Set(problems.filter((problem) => problem.code === 'schema/type').map((problem) => toPointer(problem.path)));
  return problems.filter((problem) => problem.code === 'schema/type' || problem.placement !== 'value' || !wrongType.has(toPointer(problem.path)));
}
