/** Checks of the Interoperable dimension: can the data be combined with other products without translation? */
import type { CheckEnvironment } from '../environment';
import type { NamingConvention } from '../config';
import { text, type DescriptorModel, type Located, type ObjectEntry } from '../model';
import { followsConvention, toConvention } from '../naming';
import { onItemName, onValue, TOP_LEVEL } from '../place';
import type { CheckResult } from '../types';
import { kindNoun } from './discoverable';
import { coverage, insertKeyFix, labelOf, lower, mapsIn, NOT_APPLICABLE, presence, replaceValueFix } from './helpers';
import { combineTallies, coverageResult, itself, perObjectCoverage, tallyPerObject, type ObjectCoverageSpec } from './objectCoverage';

export const CURRENT_API_VERSION = { DataContract: 'v3.1.0', DataProduct: 'v1.0.0' } as const;

export const STANDARD_LOGICAL_TYPES = ['string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', 'array', 'boolean'];

/** Common non-standard spellings and the standard type they mean. */
export const LOGICAL_TYPE_SYNONYMS: Readonly<Record<string, string>> = {
  int: 'integer', long: 'integer', bigint: 'integer', smallint: 'integer', short: 'integer',
  text: 'string', varchar: 'string', char: 'string', str: 'string', uuid: 'string',
  decimal: 'number', numeric: 'number', float: 'number', double: 'number', real: 'number',
  bool: 'boolean', datetime: 'timestamp', timestamptz: 'timestamp', struct: 'object', record: 'object', map: 'object',
  list: 'array', array_of: 'array',
};

export function checkApiVersion(model: DescriptorModel): CheckResult {
  const current = CURRENT_API_VERSION[model.kind];
  const apiVersion = text(model.root.apiVersion);
  if (apiVersion === current) return presence(undefined);
  if (!apiVersion) {
    return presence({
      at: TOP_LEVEL,
      message: `The ${kindNoun(model)} has no \`apiVersion\`: tools need to know which version of the standard it follows.`,
      fixes: [insertKeyFix(`Add apiVersion ${current}`, [], 'apiVersion', current, true)],
    });
  }
  return presence({
    at: onValue(['apiVersion']),
    message: `apiVersion ${apiVersion} is not the current version of the standard (${current}): newer tools read the current one best.`,
    // Upgrading may need structural changes elsewhere, so it is offered, never applied by "fix all".
    fixes: [replaceValueFix(`Upgrade to ${current}`, ['apiVersion'], current, false)],
  });
}

export const checkStandardLogicalTypes = perObjectCoverage({
  items: (object) => object.properties.filter((property) => text(property.value.logicalType)),
  isSatisfied: (property) => STANDARD_LOGICAL_TYPES.includes(String(property.value.logicalType)),
  gapFor: (property) => {
    const type = lower(property.value.logicalType) ?? '';
    const standard = STANDARD_LOGICAL_TYPES.includes(type) ? type : LOGICAL_TYPE_SYNONYMS[type];
    return {
      at: onValue([...property.path, 'logicalType']),
      message: `Logical type \`${String(property.value.logicalType)}\` of property ${labelOf(property)} is not a standard type (${STANDARD_LOGICAL_TYPES.join(', ')}).`,
      fixes: standard ? [replaceValueFix(`Change to ${standard}`, [...property.path, 'logicalType'], standard, true)] : [],
    };
  },
});

interface PhysicalName {
  readonly owner: Located;
  readonly key: 'physicalName' | 'name';
  readonly name: string;
  readonly what: 'Schema object' | 'Property';
}

/** The physical name of an object or property: `physicalName` when given, else `name` (a column's name is physical). */
function physicalNames(owners: readonly Located[], what: PhysicalName['what']): PhysicalName[] {
  const names: PhysicalName[] = [];
  for (const owner of owners) {
    const physical = text(owner.value.physicalName);
    const name = physical ?? text(owner.value.name);
    if (name) names.push({ owner, key: physical ? 'physicalName' : 'name', name, what });
  }
  return names;
}

/** One naming rule for objects and properties alike; the convention is all it reads besides the object. */
function namingSpec(items: (object: ObjectEntry) => readonly PhysicalName[]): ObjectCoverageSpec<PhysicalName, NamingConvention> {
  return {
    context: (environment) => environment.config.naming.convention,
    items,
    isSatisfied: (entry, _object, convention) => followsConvention(entry.name, convention),
    gapFor: (entry, _object, convention) => {
      const renamed = toConvention(entry.name, convention);
      return {
        at: onValue([...entry.owner.path, entry.key]),
        message: `${entry.what} name \`${entry.name}\` does not follow the ${convention} convention${renamed !== entry.name ? ` (\`${renamed}\`)` : ''}.`,
        // A rename breaks queries and references written against the old name: offered, never in "fix all".
        fixes: renamed !== entry.name ? [replaceValueFix(`Rename to ${renamed}`, [...entry.owner.path, entry.key], renamed, false)] : [],
      };
    },
  };
}

const objectNames = tallyPerObject(namingSpec((object) => physicalNames([object], 'Schema object')));
const propertyNames = tallyPerObject(namingSpec((object) => physicalNames(object.properties, 'Property')));

/** Judged across the whole document: all object names first, then all property names (the order gaps are listed in). */
export function checkNamingConvention(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  if (environment.config.naming.convention === 'any') return NOT_APPLICABLE;
  return coverageResult(combineTallies([objectNames(model, environment), propertyNames(model, environment)]));
}

export function checkInterfaceType(model: DescriptorModel): CheckResult {
  if (model.kind === 'DataContract') {
    return coverage(model.servers, (server) => text(server.value.type), (server) => ({
      at: onItemName(server.path, 'server'),
      message: `Server ${labelOf(server, 'server')} has no \`type\`: consumers need to know which interface (database, stream, files, API) to use.`,
      fixes: [insertKeyFix('Add the server type', server.path, 'type', '${1:postgres}', false)],
    }));
  }
  return coverage(model.outputPorts, (port) => text(port.value.type), (port) => ({
    at: onItemName(port.path),
    message: `Output port ${labelOf(port)} has no \`type\`: say which interface it offers (tables, files, topic, API...).`,
    fixes: [insertKeyFix('Add the port type', port.path, 'type', '${1:tables}', false)],
  }));
}

export const checkSemanticLinks = perObjectCoverage({
  items: itself,
  isSatisfied: (object) => mapsIn(object.value.authoritativeDefinitions).length
    || object.properties.some((property) => mapsIn(property.value.authoritativeDefinitions).length),
  gapFor: (object) => ({
    at: onItemName(object.path),
    message: `Schema object ${labelOf(object)} links to no business definition: semantic links let consumers match it to their own terms.`,
    fixes: [{
      title: 'Link a business definition', fixAll: true,
      actions: [{ kind: 'appendItem', path: [...object.path, 'authoritativeDefinitions'], value: { type: 'businessDefinition', url: '${1:https://catalog.example.com/glossary/term}' } }],
    }],
  }),
});
