/** Checks of the Self-describing dimension: can a consumer understand the data from the descriptor alone? */
import type { CheckEnvironment } from '../environment';
import { hasValue, text, type DescriptorModel, type ObjectEntry, type PropertyEntry } from '../model';
import { onItemName, onKey, TOP_LEVEL } from '../place';
import { describePlaceholder, placeholderReason } from '../placeholders';
import type { CheckResult } from '../types';
import { humanize } from '../words';
import { toConvention } from '../naming';
import { appendItemFix, coverage, fileStem, insertKeyFix, labelOf, lower, NOT_APPLICABLE, presence, replaceValueFix } from './helpers';
import { itself, perObjectCoverage } from './objectCoverage';

export function checkSchemaDeclared(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  if (model.objects.some((object) => object.properties.length > 0)) return presence(undefined);
  const name = toConvention(fileStem(environment.uri), environment.config.naming.convention);
  return presence({
    at: model.root.schema === undefined ? TOP_LEVEL : onKey(['schema']),
    message: 'The contract describes no schema object with properties: consumers cannot see what the data contains.',
    fixes: [appendItemFix('Add a schema object', ['schema'], {
      name, physicalName: name, logicalType: 'object', description: '${1:What one row stands for.}',
      properties: [{ name: '${2:id}', logicalType: 'string', description: '${3:What the column means.}' }],
    }, false)],
  });
}

/** Why a property's description does not count, or undefined when it does (a short real text counts). */
function descriptionProblem(property: PropertyEntry) {
  const value = property.value.description;
  const reason = typeof value === 'string' ? placeholderReason(value, property.name) : 'empty';
  return reason === 'too-short' ? undefined : reason;
}

/** Every property of an object, nested ones included: what most property rules cover. */
function properties(object: ObjectEntry): readonly PropertyEntry[] {
  return object.properties;
}

export const checkPropertyDescription = perObjectCoverage({
  items: properties,
  isSatisfied: (property) => descriptionProblem(property) === undefined,
  gapFor: (property) => {
    const missing = property.value.description === undefined;
    const placeholder = `\${1:What ${humanize(property.name ?? 'this property').toLowerCase()} means and how it is derived.}`;
    return {
      at: onItemName(property.path),
      message: missing
        ? `Property ${labelOf(property)} has no \`description\`.`
        : `The description of property ${labelOf(property)} ${describePlaceholder(descriptionProblem(property)!)}.`,
      fixes: [missing
        ? insertKeyFix('Add a description', property.path, 'description', placeholder, true)
        : replaceValueFix('Write the description', [...property.path, 'description'], placeholder, true)],
    };
  },
});

/** Physical type -> logical type, for the quick-fix that fills in a missing `logicalType`. */
export function logicalTypeFromPhysical(physicalType: string): string | undefined {
  const type = physicalType.trim().toLowerCase();
  if (/^(var)?char|^n?varchar|^text|^string|^uuid|^clob/.test(type)) return 'string';
  if (/^(tiny|small|big)?int(eger)?\b|^int\d|^long|^serial/.test(type)) return 'integer';
  if (/^(decimal|numeric|number|float|double|real)/.test(type)) return 'number';
  if (/^bool/.test(type)) return 'boolean';
  if (/^timestamp|^datetime/.test(type)) return 'timestamp';
  if (/^date$/.test(type)) return 'date';
  if (/^time\b/.test(type)) return 'time';
  if (/^(array|list)/.test(type)) return 'array';
  if (/^(struct|object|map|json|variant|record)/.test(type)) return 'object';
  return undefined;
}

export const checkLogicalType = perObjectCoverage({
  items: properties,
  isSatisfied: (property) => !!text(property.value.logicalType),
  gapFor: (property) => {
    const physical = text(property.value.physicalType);
    const inferred = physical ? logicalTypeFromPhysical(physical) : undefined;
    return {
      at: onItemName(property.path),
      message: `Property ${labelOf(property)} has no \`logicalType\`: tools and consumers need the type independent of the database.`,
      fixes: [inferred
        ? insertKeyFix(`Add logicalType ${inferred} (from ${physical})`, property.path, 'logicalType', inferred, true)
        : insertKeyFix('Add a logical type', property.path, 'logicalType', '${1:string}', false)],
    };
  },
});

/** Logical type -> a portable SQL type to start from; the DDL generator knows the dialect details. */
const PHYSICAL_DEFAULTS: Readonly<Record<string, string>> = {
  string: 'varchar', integer: 'integer', number: 'numeric', boolean: 'boolean', date: 'date', timestamp: 'timestamp', time: 'time',
};

/** Scalar properties only: an example or a physical type of a nested object or array says little that its properties do not. */
function isScalar(property: PropertyEntry): boolean {
  return !['object', 'array'].includes(lower(property.value.logicalType) ?? '');
}

function scalarProperties(object: ObjectEntry): readonly PropertyEntry[] {
  return object.properties.filter(isScalar);
}

const physicalTypeCoverage = perObjectCoverage({
  items: scalarProperties,
  isSatisfied: (property) => !!text(property.value.physicalType),
  gapFor: (property) => {
    const suggestion = PHYSICAL_DEFAULTS[lower(property.value.logicalType) ?? ''] ?? 'varchar';
    return {
      at: onItemName(property.path),
      message: `Property ${labelOf(property)} has no \`physicalType\`, although the contract declares a server to store it in.`,
      fixes: [insertKeyFix('Add a physical type', property.path, 'physicalType', `\${1:${suggestion}}`, false)],
    };
  },
});

export function checkPhysicalType(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  return model.servers.length ? physicalTypeCoverage(model, environment) : NOT_APPLICABLE;
}

export const checkExamples = perObjectCoverage({
  items: scalarProperties,
  isSatisfied: (property) => hasValue(property.value.examples),
  gapFor: (property) => ({
    at: onItemName(property.path),
    message: `Property ${labelOf(property)} has no \`examples\`: one real value explains a format better than a paragraph.`,
    fixes: [insertKeyFix('Add an example', property.path, 'examples', ['${1:example}'], true)],
  }),
});

export const checkBusinessName = perObjectCoverage({
  items: properties,
  isSatisfied: (property) => text(property.value.businessName),
  gapFor: (property) => ({
    at: onItemName(property.path),
    message: `Property ${labelOf(property)} has no \`businessName\`: the term business users know it by.`,
    fixes: [insertKeyFix('Add a business name', property.path, 'businessName', `\${1:${humanize(property.name ?? 'property')}}`, true)],
  }),
});

export const checkGranularity = perObjectCoverage({
  items: itself,
  isSatisfied: (object) => text(object.value.dataGranularityDescription),
  gapFor: (object) => ({
    at: onItemName(object.path),
    message: `Schema object ${labelOf(object)} has no \`dataGranularityDescription\`: say what one row stands for before anyone aggregates it.`,
    fixes: [insertKeyFix('Describe the granularity', object.path, 'dataGranularityDescription', '${1:One row per ...}', true)],
  }),
});

export function checkPortDescription(model: DescriptorModel): CheckResult {
  return coverage(model.outputPorts, (port) => text(port.value.description), (port) => ({
    at: onItemName(port.path),
    message: `Output port ${labelOf(port)} has no \`description\`: say what it serves and how it differs from the other ports.`,
    fixes: [insertKeyFix('Describe the port', port.path, 'description', '${1:What this port serves.}', true)],
  }));
}

const DICTIONARY_CONTENT = ['dictionary', 'discoverability'];

export function checkDictionaryPort(model: DescriptorModel): CheckResult {
  if (model.managementPorts.some((port) => DICTIONARY_CONTENT.includes(lower(port.value.content) ?? ''))) return presence(undefined);
  return presence({
    at: model.root.managementPorts === undefined ? TOP_LEVEL : onKey(['managementPorts']),
    message: 'The product has no dictionary management port: tools cannot read its data dictionary.',
    fixes: [appendItemFix('Add a dictionary port', ['managementPorts'], {
      name: '${1:dictionary}', content: 'dictionary', type: 'rest', url: '${2:https://catalog.example.com/api/products/name/dictionary}',
    }, true)],
  });
}
