/**
 * Relationship ends must name something that exists. `from` (schema level) must resolve in this contract:
 * an error when it does not. For `to`, a missing property of an object we can see is an error with a
 * did-you-mean; a missing object or another contract we cannot find is only a warning, because the target may
 * live outside what datsis can see (the official full example links to a table it does not define).
 * Cross-contract references are checked only when a workspace index is available. A name with two or more dots
 * is read as a nested property of this contract (`object.parent.child`), else as `<contract id>.<object>.<property>`;
 * when neither resolves, one problem names both readings. Composite keys must pair up: `from` and `to` lists of
 * different lengths are an error.
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
import {
  contractByFile, contractById, contractReading, fileLabel, findPropertyPath, isSameFile, nestedReading, parseReference, shapeOfSummary,
  type ContractShape, type ParsedReference,
} from './references';
import type { RuleInput, RuleProblem, SemanticRule } from './rule';

/** What one schema object holds, in order: references to resolve, and arity problems found on the spot. */
type Entry = { readonly problem: RuleProblem } | Reference;

interface Reference {
  readonly text: string;
  readonly path: ValuePath;
  readonly end: 'from' | 'to';
  readonly reference: ParsedReference;
}

/**
 * Marks a reference resolved on every run against the workspace index: one into another file, or a dotted name
 * that is no nested property here (`here` says why) and may be `<contract id>.<object>.<property>`.
 */
interface Elsewhere {
  readonly elsewhere: true;
  readonly here?: Miss;
}
type Resolution = RuleProblem | undefined | Elsewhere;
const ELSEWHERE: Elsewhere = { elsewhere: true };

/** One reading of a reference that found nothing: what is missing, and the correction when a name is close. */
interface Miss {
  /** Without final punctuation, so that two readings can share one sentence. */
  readonly what: string;
  readonly close: string | undefined;
  readonly severity: 'error' | 'warning';
  readonly fix: Fix | undefined;
}

/** The text with the name at `level` (0 the object, then the property path) changed from `wrong` to `right`. */
type Rewrite = (level: number, wrong: string, right: string) => string;

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
          const problem = resolution && 'elsewhere' in resolution ? resolveElsewhere(entry, resolution, input) : resolution;
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
      return problemOf(lookUp(local, reference.object, [reference.property], 'name', missingObjectSeverity, byOccurrence(text), path), path);
    case 'qualified':
      if (!reference.file || isSameFile(uri, reference.file)) {
        return problemOf(lookUp(local, reference.object, propertyPathOf(reference.property), 'id', missingObjectSeverity, byOccurrence(text), path), path);
      }
      return ELSEWHERE;
    case 'dotted': {
      const { object, path: propertyPath } = nestedReading(reference.names);
      const here = lookUp(local, object, propertyPath, 'name', missingObjectSeverity, byName(reference.names, 0), path);
      return here ? { elsewhere: true, here } : undefined;
    }
  }
}

/** Resolves a reference into another contract of the workspace; silent without a workspace index. */
function resolveElsewhere({ reference, text, path }: Reference, { here }: Elsewhere, input: RuleInput): RuleProblem | undefined {
  if (!input.workspace) return undefined;
  if (reference.form === 'qualified' && reference.file) {
    const target = contractByFile(input.workspace, input.uri, reference.file);
    if (!target || target.kind !== 'DataContract') return unresolved(path, `No data contract \`${reference.file}\` was found in the workspace.`);
    const shape = shapeOfSummary(target, `\`${fileLabel(target.uri)}\``);
    return problemOf(lookUp(shape, reference.object, propertyPathOf(reference.property), 'id', 'error', byOccurrence(text), path), path);
  }
  if (reference.form === 'dotted' && here) {
    const { contractId, object, path: propertyPath } = contractReading(reference.names);
    const target = contractById(input.workspace, contractId);
    const there = target
      ? lookUp(shapeOfSummary(target, `\`${target.name ?? fileLabel(target.uri)}\``), object, propertyPath, 'name', 'error', byName(reference.names, 1), path)
      : { what: `no data contract with the id \`${contractId}\` was found in the workspace`, close: undefined, severity: 'warning' as const, fix: undefined };
    return there && bothReadings(text, here, there, target !== undefined, path);
  }
  return undefined;
}

/**
 * A dotted name that neither reading resolves: one problem naming both. Once a contract has the id, the name is
 * meant as a reference into it: the contract reading's verdict and correction count, and a nested name that
 * merely looks like the contract id is not suggested. Otherwise the more serious reading and its correction win.
 */
function bothReadings(text: string, here: Miss, there: Miss, contractFound: boolean, path: ValuePath): RuleProblem {
  const nested = contractFound ? { ...here, close: undefined, fix: undefined } : here;
  const fix = nested.fix ?? there.fix;
  return {
    path, code: UNRESOLVED, severity: contractFound ? there.severity : nested.severity === 'error' || there.severity === 'error' ? 'error' : 'warning',
    message: `\`${text.trim()}\` resolves neither as a nested property of this contract (${nested.what}${didYouMean(nested)}) `
      + `nor as \`<contract id>.<object>.<property>\` (${there.what}${didYouMean(there)}).`,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

const UNRESOLVED = 'semantic/unresolved-reference';

function unresolved(path: ValuePath, message: string): RuleProblem {
  return { path, message, severity: 'warning', code: UNRESOLVED };
}

function problemOf(miss: Miss | undefined, path: ValuePath): RuleProblem | undefined {
  if (!miss) return undefined;
  return {
    path, severity: miss.severity, code: UNRESOLVED,
    message: `${miss.what}${miss.close ? didYouMean(miss) : '.'}`,
    ...(miss.fix ? { fixes: [miss.fix] } : {}),
  };
}

function didYouMean(miss: Miss): string {
  return miss.close ? ` — did you mean \`${miss.close}\`?` : '';
}

function propertyPathOf(property: string | undefined): readonly string[] {
  return property === undefined ? [] : [property];
}

/**
 * Looks the object and its property path up by name (name forms) or by id (fully qualified forms, falling back
 * to the name so that contracts without ids still resolve). `missingObjectSeverity` applies when the object is
 * absent; a missing property of an object that exists is always an error.
 */
function lookUp(
  shape: ContractShape, objectKey: string, propertyPath: readonly string[], by: 'name' | 'id',
  missingObjectSeverity: 'error' | 'warning', rewrite: Rewrite, path: ValuePath,
): Miss | undefined {
  const object = findObject(shape, objectKey, by);
  if (!object) {
    const close = suggest(objectKey, objectWords(shape, by));
    return {
      what: `\`${objectKey}\` is not a schema object of ${shape.label}`, close, severity: close ? 'error' : missingObjectSeverity,
      fix: close ? replaceFix(rewrite(0, objectKey, close), path) : undefined,
    };
  }
  const found = findPropertyPath(object, propertyPath, (candidate, key) => (by === 'id' && candidate.id === key) || candidate.name === key);
  if (found.found) return undefined;
  const key = propertyPath[found.missing]!;
  const close = suggest(key, found.siblings.map((candidate) => (by === 'id' ? (candidate.id ?? candidate.name) : candidate.name)));
  return {
    what: `\`${found.owner}\` in ${shape.label} has no property \`${key}\``, close, severity: 'error',
    fix: close ? replaceFix(rewrite(found.missing + 1, key, close), path) : undefined,
  };
}

/** For `object.property` and id paths: the object is the first occurrence of its key, the property the last. */
function byOccurrence(text: string): Rewrite {
  return (level, wrong, right) => {
    const at = level === 0 ? text.indexOf(wrong) : text.lastIndexOf(wrong);
    return `${text.slice(0, at)}${right}${text.slice(at + wrong.length)}`;
  };
}

/** For dotted names, whose object is name `first` (0 read as nested, 1 after a contract id): exactly one name changes. */
function byName(names: readonly string[], first: number): Rewrite {
  return (level, _wrong, right) => names.map((name, at) => (at === first + level ? right : name)).join('.');
}

function replaceFix(corrected: string, path: ValuePath): Fix {
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
