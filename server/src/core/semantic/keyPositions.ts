/**
 * `primaryKeyPosition` and `partitionKeyPosition` order the columns of a composite key: within one object
 * they must count 1, 2, 3... with no position used twice and none skipped, because DDL generation and
 * consumers rebuild the key in that order. -1 (the default) means "not part of the key" and is ignored.
 * A position on a property that explicitly says `primaryKey: false` / `partitioned: false` contradicts itself.
 */
import { objectPropertyLists, stringField, type Json } from './model';
import type { RuleProblem, SemanticRule } from './rule';

interface PositionKind {
  readonly key: 'primaryKeyPosition' | 'partitionKeyPosition';
  readonly flag: 'primaryKey' | 'partitioned';
  readonly code: string;
  readonly noun: string;
}

const KINDS: readonly PositionKind[] = [
  { key: 'primaryKeyPosition', flag: 'primaryKey', code: 'semantic/primary-key-position', noun: 'primary key' },
  { key: 'partitionKeyPosition', flag: 'partitioned', code: 'semantic/partition-key-position', noun: 'partition key' },
];

export const keyPositionsRule: SemanticRule = {
  id: 'key-position',
  appliesTo: ['DataContract'],
  // Positions count within one list of sibling properties, so everything this rule checks is inside one object.
  checkObject(object, objectIndex) {
    const problems: RuleProblem[] = [];
    for (const list of objectPropertyLists(object, objectIndex)) {
      const owner = stringField(list.owner, 'name');
      for (const kind of KINDS) problems.push(...checkList(list.items, list.path, owner, kind));
    }
    return problems;
  },
};

function checkList(items: readonly [Json, number][], listPath: readonly (string | number)[], owner: string | undefined, kind: PositionKind): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const holders = new Map<number, string>();
  const positions: { position: number; index: number }[] = [];
  const where = owner ? ` in \`${owner}\`` : '';
  for (const [property, index] of items) {
    const position = property[kind.key];
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) continue;
    const name = stringField(property, 'name') ?? `item ${index + 1}`;
    const path = [...listPath, index, kind.key];
    if (property[kind.flag] === false) {
      problems.push({
        path, severity: 'warning', code: kind.code,
        message: `\`${name}\` has ${kind.key} ${position} but says \`${kind.flag}: false\`; remove the position or set \`${kind.flag}: true\`.`,
      });
    }
    const holder = holders.get(position);
    if (holder !== undefined) {
      problems.push({
        path, severity: 'error', code: kind.code,
        message: `${kind.key} ${position} is already taken by \`${holder}\`${where}; each column of the ${kind.noun} needs its own position.`,
      });
      continue;
    }
    holders.set(position, name);
    positions.push({ position, index });
  }
  positions.sort((a, b) => a.position - b.position);
  let expected = 1;
  for (const { position, index } of positions) {
    const path = [...listPath, index, kind.key];
    if (position < expected) {
      problems.push({ path, severity: 'warning', code: kind.code, message: `${kind.key} counts from 1; ${position} is not a position (use -1 for "not part of the ${kind.noun}").` });
      continue;
    }
    if (position > expected) {
      const missing = position - expected === 1 ? `${expected}` : `${expected} to ${position - 1}`;
      problems.push({ path, severity: 'warning', code: kind.code, message: `${kind.key} jumps to ${position}${where}: no property has position ${missing}, so the ${kind.noun} has a gap.` });
    }
    expected = position + 1;
  }
  return problems;
}
