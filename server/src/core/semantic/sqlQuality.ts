/**
 * A quality rule of `type: sql` is its query: the schema insists the key exists, but an empty or blank query
 * passes the schema and then checks nothing (or fails at run time in the quality tool).
 */
import { objectQualityRules, qualityRulesOf, stringField, type QualityRuleRef } from './model';
import type { RuleProblem, SemanticRule } from './rule';

export const sqlQualityRule: SemanticRule = {
  id: 'empty-sql-query',
  appliesTo: ['DataContract'],
  // Contract-level rules here; the rules of objects and properties in checkObject, reused while an object is unchanged.
  check({ value }) {
    return emptyQueries(qualityRulesOf(value, []));
  },
  checkObject(object, objectIndex) {
    return emptyQueries(objectQualityRules(object, objectIndex));
  },
};

function emptyQueries(rules: readonly QualityRuleRef[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const { rule, path } of rules) {
    if (stringField(rule, 'type') !== 'sql') continue;
    const query = rule.query;
    if (typeof query !== 'string' || query.trim() !== '') continue;
    problems.push({
      path: [...path, 'query'], on: query === '' ? 'key' : 'value', severity: 'error', code: 'semantic/empty-sql-query',
      message: 'This SQL quality rule has an empty `query`; write the query whose result the rule compares (e.g. `SELECT COUNT(*) FROM ${object} WHERE ...`).',
    });
  }
  return problems;
}
