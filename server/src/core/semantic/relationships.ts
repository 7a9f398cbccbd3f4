/**
 * Relationship ends must name something that exists. `from` (schema level) must resolve in this contract:
 * an error when it does not. For `to`, a missing property of an object we can see is an error with a
 * did-you-mean; a missing object or another contract we cannot find is only a warning, because the target may
 * live outside what datsis can see (the official full example links to a table it does not define).
 * Cross-contract references are checked only when a workspace index is available. Composite keys must pair
 * up: `from` and `to` lists of different lengths are an error.
 */
import type { Fix } from '../fixes/types';
import type { ValuePath } from '../types';
import { suggest } from '../validation/suggest';
import { allProperties, records, schemaObjects, type Json } from './model';
import {
  contractByFile, fileLabel, isSameFile, parseReference, shapeOfSummary, shapeOfValue, type ContractShape, type ParsedReference,
} from './references';
import type { RuleInput, RuleProblem, SemanticRule } from './rule';

export const relationshipsRule: SemanticRule = {
  id: 'relationship',
  appliesTo: ['DataContract'],
  check(input) {
    const local = shapeOfValue(input.value, 'this contract');
    const problems: RuleProblem[] = [];
    for (const { object, path } of schemaObjects(input.value)) {
      for (const [relationship, index] of records(object.relationships)) {
        const relationshipPath = [...path, 'relationships', index];
        problems.push(...checkEnd(relationship, relationshipPath, 'from', local, input));
        problems.push(...checkEnd(relationship, relationshipPath, 'to', local, input));
        problems.push(...checkArity(relationship, relationshipPath));
      }
    }
    for (const { property, path } of allProperties(input.value)) {
      for (const [relationship, index] of records(property.relationships)) {
        problems.push(...checkEnd(relationship, [...path, 'relationships', index], 'to', local, input));
      }
    }
    return problems;
  },
};

function checkEnd(relationship: Json, relationshipPath: ValuePath, end: 'from' | 'to', local: ContractShape, input: RuleInput): RuleProblem[] {
  const value = relationship[end];
  const endPath = [...relationshipPath, end];
  const references: [string, ValuePath][] = typeof value === 'string'
    ? [[value, endPath]]
    : Array.isArray(value) ? value.flatMap((item, index) => (typeof item === 'string' ? [[item, [...endPath, index]] as [string, ValuePath]] : [])) : [];
  const problems: RuleProblem[] = [];
  for (const [text, path] of references) {
    if (input.schemaFlagged(path)) continue;
    const reference = parseReference(text);
    if (!reference) continue;
    const problem = resolve(reference, text, path, end, local, input);
    if (problem) problems.push(problem);
  }
  return problems;
}

function resolve(reference: ParsedReference, text: string, path: ValuePath, end: 'from' | 'to', local: ContractShape, input: RuleInput): RuleProblem | undefined {
  const unresolved = (message: string, severity: 'error' | 'warning'): RuleProblem => ({ path, message, severity, code: 'semantic/unresolved-reference' });
  switch (reference.form) {
    case 'remote':
      return undefined;
    case 'shorthand':
      return checkTarget(local, reference.object, reference.property, 'name', text, path, end === 'from' ? 'error' : 'warning');
    case 'qualified': {
      if (!reference.file || isSameFile(input.uri, reference.file)) {
        return checkTarget(local, reference.object, reference.property, 'id', text, path, end === 'from' ? 'error' : 'warning');
      }
      if (!input.workspace) return undefined;
      const target = contractByFile(input.workspace, input.uri, reference.file);
      if (!target || target.kind !== 'DataContract') return unresolved(`No data contract \`${reference.file}\` was found in the workspace.`, 'warning');
      return checkTarget(shapeOfSummary(target, `\`${fileLabel(target.uri)}\``), reference.object, reference.property, 'id', text, path, 'error');
    }
    case 'contract': {
      if (!input.workspace) return undefined;
      const target = input.workspace.byId(reference.contractId).find((summary) => summary.kind === 'DataContract');
      if (!target) return unresolved(`No data contract with the id \`${reference.contractId}\` was found in the workspace.`, 'warning');
      return checkTarget(shapeOfSummary(target, `\`${target.name ?? fileLabel(target.uri)}\``), reference.object, reference.property, 'name', text, path, 'error');
    }
  }
}

/**
 * Looks the object and property up by name (shorthand forms) or by id (fully qualified forms, falling back to
 * the name so that contracts without ids still resolve). `missingObjectSeverity` applies when the object is
 * absent; a missing property of an object that exists is always an error.
 */
function checkTarget(
  shape: ContractShape, objectKey: string, propertyKey: string | undefined, by: 'name' | 'id', text: string, path: ValuePath,
  missingObjectSeverity: 'error' | 'warning',
): RuleProblem | undefined {
  const object = shape.objects.find((candidate) => (by === 'id' && candidate.id === objectKey) || candidate.name === objectKey || candidate.physicalName === objectKey);
  if (!object) {
    const names = shape.objects.map((candidate) => (by === 'id' ? (candidate.id ?? candidate.name) : candidate.name));
    const close = suggest(objectKey, names);
    return {
      path, severity: close ? 'error' : missingObjectSeverity, code: 'semantic/unresolved-reference',
      message: `\`${objectKey}\` is not a schema object of ${shape.label}${close ? ` — did you mean \`${close}\`?` : '.'}`,
      ...(close ? { fixes: [replaceFix(text, objectKey, close, path, 'first')] } : {}),
    };
  }
  if (propertyKey === undefined) return undefined;
  const property = object.properties.find((candidate) => (by === 'id' && candidate.id === propertyKey) || candidate.name === propertyKey);
  if (property) return undefined;
  const names = object.properties.map((candidate) => (by === 'id' ? (candidate.id ?? candidate.name) : candidate.name));
  const close = suggest(propertyKey, names);
  return {
    path, severity: 'error', code: 'semantic/unresolved-reference',
    message: `\`${object.name}\` in ${shape.label} has no property \`${propertyKey}\`${close ? ` — did you mean \`${close}\`?` : '.'}`,
    ...(close ? { fixes: [replaceFix(text, propertyKey, close, path, 'last')] } : {}),
  };
}

function replaceFix(text: string, wrong: string, right: string, path: ValuePath, occurrence: 'first' | 'last'): Fix {
  const at = occurrence === 'first' ? text.indexOf(wrong) : text.lastIndexOf(wrong);
  const corrected = `${text.slice(0, at)}${right}${text.slice(at + wrong.length)}`;
  return { title: `Change to \`${corrected}\``, actions: [{ kind: 'replaceValue', path, value: corrected }], fixAll: false };
}

function checkArity(relationship: Json, relationshipPath: ValuePath): RuleProblem[] {
  const { from, to } = relationship;
  if (!Array.isArray(from) || !Array.isArray(to) || from.length === to.length) return [];
  return [{
    path: [...relationshipPath, 'to'], on: 'key', severity: 'error', code: 'semantic/relationship-arity',
    message: `\`from\` lists ${from.length} column${from.length === 1 ? '' : 's'} but \`to\` lists ${to.length}; a composite key pairs each \`from\` column with the \`to\` column at the same position.`,
  }];
}
