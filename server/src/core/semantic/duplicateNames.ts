/**
 * Names and ids that must be unique among siblings: schema objects, the properties of one object, servers,
 * data product ports, and the stable `id` of any list item in a contract (ids are what fully qualified
 * references such as `schema/<id>/properties/<id>` point at, so a repeated id makes them ambiguous).
 * Ports may repeat a name with a different `version` (one port per published version), as the ODPS examples do.
 * The first occurrence is taken as the original; every later one is reported on its name.
 */
import type { ValuePath } from '../types';
import { isRecord, objectPropertyLists, records, stringField, type Json } from './model';
import type { RuleProblem, SemanticRule } from './rule';

export const duplicateNamesRule: SemanticRule = {
  id: 'duplicate-name',
  appliesTo: ['DataContract', 'DataProduct'],
  // Across schema objects, servers and ports, and ids anywhere outside the schema objects' insides.
  check({ value, kind }) {
    const problems: RuleProblem[] = [];
    if (kind === 'DataContract') {
      problems.push(...duplicatesIn(records(value.schema), ['schema'], 'name', () => 'schema object', 'schema objects of this contract'));
      problems.push(...duplicatesIn(records(value.servers), ['servers'], 'server', () => 'server', 'servers of this contract'));
      problems.push(...duplicateIds(value, [], 0, insideSchemaObject));
    } else {
      for (const ports of ['inputPorts', 'outputPorts', 'managementPorts']) {
        const versioned = ports !== 'managementPorts';
        problems.push(...duplicatesIn(records(value[ports]), [ports], 'name', () => 'port', `${ports} of this product`, versioned ? 'version' : undefined));
      }
    }
    return problems;
  },
  // Property names among siblings and ids among list items inside one schema object (depth 2: root, `schema`).
  checkObject(object, objectIndex) {
    const problems: RuleProblem[] = [];
    for (const list of objectPropertyLists(object, objectIndex)) {
      const owner = stringField(list.owner, 'name');
      const scope = owner ? `properties of \`${owner}\`` : 'properties of this element';
      problems.push(...duplicatesIn(list.items, list.path, 'name', () => 'property', scope));
    }
    problems.push(...duplicateIds(object, ['schema', objectIndex], 2));
    return problems;
  },
};

/** The document-wide id walk leaves the inside of each schema object to `checkObject`, which runs per object. */
function insideSchemaObject(path: ValuePath, node: unknown): boolean {
  return path.length === 2 && path[0] === 'schema' && typeof path[1] === 'number' && isRecord(node);
}

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
 * Every list of mappings under `root` (at `rootPath`, `rootDepth` levels below the descriptor): a repeated `id`
 * among its items is reported. Nodes for which `skip` says so are not entered (their ids among siblings are still
 * compared). The walk keeps one mutable path and copies it only for a finding, because a large contract has
 * hundreds of thousands of nodes.
 */
function duplicateIds(root: unknown, rootPath: ValuePath, rootDepth: number,
  skip?: (path: ValuePath, node: unknown) => boolean): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const path: (string | number)[] = [...rootPath];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || skip?.(path, node)) return;
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
  visit(root, rootDepth);
  return problems;
}
