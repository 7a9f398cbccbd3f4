/**
 * Names and ids that must be unique among siblings: schema objects, the properties of one object, servers,
 * data product ports, and the stable `id` of any list item in a contract (ids are what fully qualified
 * references such as `schema/<id>/properties/<id>` point at, so a repeated id makes them ambiguous).
 * Ports may repeat a name with a different `version` (one port per published version), as the ODPS examples do.
 * The first occurrence is taken as the original; every later one is reported on its name.
 */
import type { ValuePath } from '../types';
import { isRecord, propertyLists, records, stringField, type Json } from './model';
import type { RuleProblem, SemanticRule } from './rule';

export const duplicateNamesRule: SemanticRule = {
  id: 'duplicate-name',
  appliesTo: ['DataContract', 'DataProduct'],
  check({ value, kind }) {
    const problems: RuleProblem[] = [];
    if (kind === 'DataContract') {
      problems.push(...duplicatesIn(records(value.schema), ['schema'], 'name', () => 'schema object', 'schema objects of this contract'));
      for (const list of propertyLists(value)) {
        const owner = stringField(list.owner, 'name');
        const scope = owner ? `properties of \`${owner}\`` : 'properties of this element';
        problems.push(...duplicatesIn(list.items, list.path, 'name', () => 'property', scope));
      }
      problems.push(...duplicatesIn(records(value.servers), ['servers'], 'server', () => 'server', 'servers of this contract'));
      problems.push(...duplicateIds(value));
    } else {
      for (const ports of ['inputPorts', 'outputPorts', 'managementPorts']) {
        const versioned = ports !== 'managementPorts';
        problems.push(...duplicatesIn(records(value[ports]), [ports], 'name', () => 'port', `${ports} of this product`, versioned ? 'version' : undefined));
      }
    }
    return problems;
  },
};

function duplicatesIn(items: readonly [Json, number][], listPath: ValuePath, key: string, noun: () => string, scope: string, alsoKey?: string): RuleProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: RuleProblem[] = [];
  for (const [item, index] of items) {
    const name = stringField(item, key);
    if (name === undefined) continue;
    const identity = alsoKey ? `${name}\u0000${String(item[alsoKey] ?? '')}` : name;
    const first = firstIndex.get(identity);
    if (first === undefined) {
      firstIndex.set(identity, index);
      continue;
    }
    const version = alsoKey && item[alsoKey] !== undefined ? ` and ${alsoKey} \`${String(item[alsoKey])}\`` : '';
    problems.push({
      path: [...listPath, index, key],
      message: `Another ${noun()} (item ${first + 1} of the ${scope}) already has the ${key} \`${name}\`${version}; ${key === 'server' ? 'server names' : `${noun()} ${key}s`} must be unique.`,
      severity: 'error',
      code: 'semantic/duplicate-name',
    });
  }
  return problems;
}

/**
 * Every list of mappings anywhere in the contract: a repeated `id` among its items is reported. The walk keeps
 * one mutable path and copies it only for a finding, because a large contract has hundreds of thousands of nodes.
 */
function duplicateIds(root: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const path: (string | number)[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(node)) {
      let firstIndex: Map<string, number> | undefined;
      node.forEach((item, index) => {
        if (!isRecord(item)) return;
        const id = stringField(item, 'id');
        if (id !== undefined) {
          firstIndex ??= new Map();
          const first = firstIndex.get(id);
          if (first === undefined) firstIndex.set(id, index);
          else problems.push({
            path: [...path, index, 'id'],
            message: `Item ${first + 1} of this list already has the id \`${id}\`; ids must be unique among siblings, or references to them become ambiguous.`,
            severity: 'error',
            code: 'semantic/duplicate-id',
          });
        }
        path.push(index);
        visit(item, depth + 1);
        path.pop();
      });
    } else if (isRecord(node)) {
      for (const key in node) {
        const child = node[key];
        if (typeof child !== 'object' || child === null) continue;
        path.push(key);
        visit(child, depth + 1);
        path.pop();
      }
    }
  };
  visit(root, 0);
  return problems;
}
