/**
 * Relationship ends must name something that exists. `from` (schema level) must resolve in this contract:
 * an error when it does not. For `to`, a missing property of an object we can see is an error with a
 * did-you-mean; a missing object or another contract we cannot find is only a warning, because the target may
 * live outside what datsis can see (the official full example links to a table it does not define).
 * Cross-contract references are checked only when a workspace index is available. Composite keys must pair
 * up: `from` and `to` lists of different lengths are an error.
 *
 * Per keystroke this costs one lookup per schema object: each object's references are collected once per
 * change of the object, and their resolution in this contract is remembered against the contract's shape
 * (localShape.ts), which changes only when a name or id that references can see changes. References into other
 * files are resolved every time, because the workspace index changes under us without telling.
 */
import type { Fix } from '../fixes/types';
import { ObjectMemo } from '../objectMemo';
import type { ValuePath } from '../types';
import { suggest } from '../validation/suggest';
import { findObject, localShape, objectWords, type LocalShape } from './localShape';
import { objectProperties, records, type Json } from './model';
import { contractByFile, fileLabel, isSameFile, parseReference, shapeOfSummary, type ContractShape, type ParsedReference } from './references';
import type { RuleInput, RuleProblem, SemanticRule } from './rule';

/** What one schema object holds, in order: references to resolve, and arity problems found on the spot. */
type Entry = { readonly problem: RuleProblem } | Reference;

interface Reference {
  readonly text: string;
  readonly path: ValuePath;
  readonly end: 'from' | 'to';
  readonly reference: ParsedReference;
}

/** Marks a reference into another file: resolved on every run against the workspace index. */
const ELSEWHERE = 'elsewhere';
type Resolution = RuleProblem | undefined | typeof ELSEWHERE;

const NO_ENTRIES: readonly Entry[] = [];
const entriesMemo = new ObjectMemo<readonly Entry[]>();
const resolutionMemo = new ObjectMemo<readonly Resolution[]>();

export const relationshipsRule: SemanticRule = {
  id: 'relationship',
  appliesTo: ['DataContract'],
  check(input) {
    const problems: RuleProblem[] = [];
    let shape: LocalShape | undefined;
    for (const [object, index] of records(input.value.schema)) {
      const entries = entriesMemo.get(object, index, undefined, () => entriesOf(object, index));
      if (entries.length === 0) continue;
      const local = (shape ??= localShape(input.value));
      // Keyed by the entries (so by the object) and by what resolution reads besides: the shape and the file's URI.
      const resolutions = resolutionMemo.get(entries, index, `${local.serial}\u0000${input.uri}`, () => entries.map((entry) => resolveHere(entry, local, input.uri)));
      // Flags are rare: one question for the object (a flag counts for its ancestors too) spares one per reference.
      const flaggedObject = input.schemaFlagged(['schema', index]);
      entries.forEach((entry, at) => {
        if ('problem' in entry) problems.push(entry.problem);
        else if (!flaggedObject || !input.schemaFlagged(entry.path)) {
          const resolution = resolutions[at];
          const problem = resolution === ELSEWHERE ? resolveElsewhere(entry, input) : resolution;
          if (problem) problems.push(problem);
        }
      });
    }
    return problems;
  },
};

/** The object's own relationships (`from`, `to`, arity), then those of its properties at any depth (`to` only). */
function entriesOf(object: Json, objectIndex: number): readonly Entry[] {
  const entries: Entry[] = [];
  for (const [relationship, index] of records(object.relationships)) {
    const relationshipPath = ['schema', objectIndex, 'relationships', index];
    entries.push(...referencesOf(relationship, relationshipPath, 'from'), ...referencesOf(relationship, relationshipPath, 'to'));
    const arity = checkArity(relationship, relationshipPath);
    if (arity) entries.push({ problem: arity });
  }
  for (const { property, path } of objectProperties(object, objectIndex)) {
    for (const [relationship, index] of records(property.relationships)) entries.push(...referencesOf(relationship, [...path, 'relationships', index], 'to'));
  }
  return entries.length ? entries : NO_ENTRIES;
}

function referencesOf(relationship: Json, relationshipPath: ValuePath, end: 'from' | 'to'): Reference[] {
  const value = relationship[end];
  const endPath = [...relationshipPath, end];
  const texts: [string, ValuePath][] = typeof value === 'string'
    ? [[value, endPath]]
    : Array.isArray(value) ? value.flatMap((item, index) => (typeof item === 'string' ? [[item, [...endPath, index]] as [string, ValuePath]] : [])) : [];
  return texts.flatMap(([text, path]) => {
    const reference = parseReference(text);
    return reference ? [{ text, path, end, reference }] : [];
  });
}

/** Resolves what can be resolved in this contract; the result depends only on the entry, the shape and `uri`. */
function resolveHere(entry: Entry, local: ContractShape, uri: string): Resolution {
  if ('problem' in entry) return undefined;
  const { reference, text, path, end } = entry;
  const missingObjectSeverity = end === 'from' ? 'error' : 'warning';
  switch (reference.form) {
    case 'remote':
      return undefined;
    case 'shorthand':
      return checkTarget(local, reference.object, reference.property, 'name', text, path, missingObjectSeverity);
    case 'qualified':
      if (!reference.file || isSameFile(uri, reference.file)) return checkTarget(local, reference.object, reference.property, 'id', text, path, missingObjectSeverity);
      return ELSEWHERE;
    case 'contract':
      return ELSEWHERE;
  }
}

/** Resolves a reference into another contract of the workspace; silent without a workspace index. */
function resolveElsewhere({ reference, text, path }: Reference, input: RuleInput): RuleProblem | undefined {
  const unresolved = (message: string): RuleProblem => ({ path, message, severity: 'warning', code: 'semantic/unresolved-reference' });
  if (!input.workspace) return undefined;
  if (reference.form === 'qualified' && reference.file) {
    const target = contractByFile(input.workspace, input.uri, reference.file);
    if (!target || target.kind !== 'DataContract') return unresolved(`No data contract \`${reference.file}\` was found in the workspace.`);
    return checkTarget(shapeOfSummary(target, `\`${fileLabel(target.uri)}\``), reference.object, reference.property, 'id', text, path, 'error');
  }
  if (reference.form === 'contract') {
    const target = input.workspace.byId(reference.contractId).find((summary) => summary.kind === 'DataContract');
    if (!target) return unresolved(`No data contract with the id \`${reference.contractId}\` was found in the workspace.`);
    return checkTarget(shapeOfSummary(target, `\`${target.name ?? fileLabel(target.uri)}\``), reference.object, reference.property, 'name', text, path, 'error');
  }
  return undefined;
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
  const object = findObject(shape, objectKey, by);
  if (!object) {
    const close = suggest(objectKey, objectWords(shape, by));
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

function checkArity(relationship: Json, relationshipPath: ValuePath): RuleProblem | undefined {
  const { from, to } = relationship;
  if (!Array.isArray(from) || !Array.isArray(to) || from.length === to.length) return undefined;
  return {
    path: [...relationshipPath, 'to'], on: 'key', severity: 'error', code: 'semantic/relationship-arity',
    message: `\`from\` lists ${from.length} column${from.length === 1 ? '' : 's'} but \`to\` lists ${to.length}; a composite key pairs each \`from\` column with the \`to\` column at the same position.`,
  };
}
