/**
 * DDL diagnostics: descriptor problems that stop a contract from turning into the SQL its author means (an unknown
 * type, a physicalType the target dialect does not have, names that collide in the engine) are reported on the
 * descriptor itself, so the preview never has to show errors. The dialect is the configured one, else the contract's
 * first database server; without either, only dialect-independent problems (an unknown type) are reported.
 * Both paths reuse the results of every schema object a keystroke did not touch (see contract.ts and plan.ts).
 */
import type { Analyzer } from '../analyze';
import type { Finding } from '../types';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import { readContract, type ObjectModel } from './contract';
import { contractDialect, contractPlan } from './generate';
import { TypeResolver } from './typeResolution';
import { isDialectId, type DdlProblem } from './types';

function toFinding(parsed: ParsedDescriptor, problem: DdlProblem): Finding {
  const located = locate(parsed.document, problem.path);
  const span = located.valueSpan ?? located.keySpan ?? { start: 0, end: 0 };
  return { span, message: problem.message, severity: problem.severity, code: problem.code, source: 'ddl' };
}

export const ddlAnalyzer: Analyzer = (parsed, context) => {
  if (parsed.kind !== 'DataContract' || parsed.value === undefined) return [];
  const configured = isDialectId(context.ddlDialect) ? context.ddlDialect : undefined;
  const dialect = configured ?? contractDialect(parsed.value);
  let problems: readonly DdlProblem[];
  if (dialect) {
    problems = contractPlan(parsed.value, dialect).plan.problems;
  } else {
    const found: DdlProblem[] = [];
    for (const object of readContract(parsed.value).objects) for (const problem of typeProblems(object)) found.push(problem);
    problems = found;
  }
  return problems.map((problem) => toFinding(parsed, problem));
};

/**
 * Dialect-independent type problems per object model. Object models stay the same while their schema object is
 * unchanged (contract.ts), so after a keystroke only the edited object is checked again.
 */
const TYPE_PROBLEMS = new WeakMap<ObjectModel, readonly DdlProblem[]>();

function typeProblems(object: ObjectModel): readonly DdlProblem[] {
  let problems = TYPE_PROBLEMS.get(object);
  if (!problems) {
    const resolver = new TypeResolver(undefined);
    for (const property of object.properties) resolver.resolve(property);
    problems = resolver.problems;
    TYPE_PROBLEMS.set(object, problems);
  }
  return problems;
}
