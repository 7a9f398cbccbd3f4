/** Checks of the Discoverable dimension: can a consumer find this data and tell whether it is what they need? */
import type { CheckEnvironment } from '../environment';
import { hasValue, isMap, text, type DescriptorModel, type ObjectEntry, type YamlMap } from '../model';
import { onItemName, onKey, onValue, placeForMissing, TOP_LEVEL } from '../place';
import { describePlaceholder, placeholderReason, type PlaceholderReason } from '../placeholders';
import type { CheckGap, CheckResult } from '../types';
import { humanize } from '../words';
import {
  appendItemFix, coverageOf, fileStem, insertKeyFix, labelOf, lower, mapsIn, NOT_APPLICABLE, parentFolder, presence, replaceValueFix,
} from './helpers';
import { itself, perObjectCoverage } from './objectCoverage';

/** Authoritative-definition types that point at a catalogue or glossary entry (compared lower-case). */
export const CATALOG_DEFINITION_TYPES = ['businessdefinition', 'canonicalurl', 'catalog', 'catalogentry', 'datacatalog', 'glossary'];

function description(model: DescriptorModel): YamlMap | undefined {
  const value = model.root.description;
  return isMap(value) ? value : undefined;
}

export function checkName(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  if (text(model.root.name)) return presence(undefined);
  const suggestion = model.kind === 'DataContract' ? fileStem(environment.uri).replace(/-/g, '_') : humanize(fileStem(environment.uri));
  return presence({
    at: model.root.name === undefined ? TOP_LEVEL : onKey(['name']),
    message: `The ${kindNoun(model)} has no \`name\`: catalogues list it by name.`,
    fixes: [insertKeyFix('Add a name', [], 'name', `\${1:${suggestion}}`, true)],
  });
}

const PURPOSE_PLACEHOLDER = '${1:What this data is for: the business questions it answers and who relies on it.}';

export function checkPurpose(model: DescriptorModel): CheckResult {
  const purpose = description(model)?.purpose;
  if (typeof purpose !== 'string' || !purpose.trim()) {
    return presence({
      at: typeof purpose === 'string' ? onValue(['description', 'purpose']) : placeForMissing(model.root, ['description']),
      message: `The ${kindNoun(model)} has no \`description.purpose\`: say what the data is for, so consumers can tell whether it fits their need.`,
      fixes: [purpose === undefined
        ? insertKeyFix('Add a purpose', ['description'], 'purpose', PURPOSE_PLACEHOLDER, true)
        : replaceValueFix('Write the purpose', ['description', 'purpose'], PURPOSE_PLACEHOLDER, true)],
    });
  }
  const reason = placeholderReason(purpose, text(model.root.name));
  if (!reason) return presence(undefined);
  return presence({
    at: onValue(['description', 'purpose']),
    message: `The purpose ${describePlaceholder(reason)}: describe what the data is for and which questions it answers.`,
    fixes: [replaceValueFix('Replace the placeholder purpose', ['description', 'purpose'], PURPOSE_PLACEHOLDER, true)],
  });
}

/** `usage` and `limitations`: present and not a bare placeholder (short real text is fine here). */
function descriptionText(key: 'usage' | 'limitations', explanation: string, placeholder: string) {
  return (model: DescriptorModel): CheckResult => {
    const value = description(model)?.[key];
    const reason = typeof value === 'string' ? placeholderReason(value) : 'empty';
    if (reason === undefined || reason === 'too-short') return presence(undefined);
    const exists = value !== undefined;
    return presence({
      at: exists ? onValue(['description', key]) : placeForMissing(model.root, ['description']),
      message: exists ? `\`description.${key}\` ${describePlaceholder(reason)}: ${explanation}` : `The ${kindNoun(model)} has no \`description.${key}\`: ${explanation}`,
      fixes: [exists
        ? replaceValueFix(`Write the ${key}`, ['description', key], placeholder, true)
        : insertKeyFix(`Add ${key}`, ['description'], key, placeholder, true)],
    });
  };
}

export const checkUsage = descriptionText('usage', 'tell consumers how the data is meant to be used and joined.', '${1:How to use the data: typical queries, joins and the consumers it is built for.}');
export const checkLimitations = descriptionText('limitations', 'tell consumers what the data cannot be used for (delays, gaps, legal limits).', '${1:What the data does not cover: known gaps, delays and legal or compliance limits.}');

export function checkDomain(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  if (text(model.root.domain)) return presence(undefined);
  return presence({
    at: model.root.domain === undefined ? TOP_LEVEL : onKey(['domain']),
    message: `The ${kindNoun(model)} has no \`domain\`: in a data mesh the domain says who owns the data and where to look for it.`,
    fixes: [insertKeyFix('Add a domain', [], 'domain', `\${1:${parentFolder(environment.uri) ?? 'domain'}}`, true)],
  });
}

function tags(model: DescriptorModel): string[] {
  const value = model.root.tags;
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string' && tag.trim().length > 0) : [];
}

export function checkTags(model: DescriptorModel): CheckResult {
  if (tags(model).length) return presence(undefined);
  const domain = text(model.root.domain);
  return presence({
    at: model.root.tags === undefined ? TOP_LEVEL : onKey(['tags']),
    message: `The ${kindNoun(model)} has no \`tags\`: tags are how people browse and filter a catalogue.`,
    fixes: [appendItemFix('Add a tag', ['tags'], `\${1:${domain ?? 'tag'}}`, true)],
  });
}

export function checkRequiredTags(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  const required = environment.config.requiredTags;
  if (!required.length) return NOT_APPLICABLE;
  const present = new Set(tags(model).map((tag) => tag.toLowerCase()));
  const at = model.root.tags === undefined ? TOP_LEVEL : onKey(['tags']);
  return coverageOf(required, (tag): CheckGap | undefined => present.has(tag.toLowerCase()) ? undefined : {
    at,
    message: `The workspace requires the tag \`${tag}\` (see .datsis.yaml).`,
    fixes: [appendItemFix(`Add the tag "${tag}"`, ['tags'], tag, true)],
  });
}

export function checkCatalogEntry(model: DescriptorModel): CheckResult {
  const definitions = [...mapsIn(model.root.authoritativeDefinitions), ...mapsIn(description(model)?.authoritativeDefinitions)];
  if (definitions.some((definition) => CATALOG_DEFINITION_TYPES.includes(lower(definition.type) ?? '') && hasValue(definition.url))) return presence(undefined);
  return presence({
    at: model.root.authoritativeDefinitions === undefined ? TOP_LEVEL : onKey(['authoritativeDefinitions']),
    message: `The ${kindNoun(model)} has no catalogue entry: add an \`authoritativeDefinitions\` link of type \`canonicalUrl\` or \`businessDefinition\`.`,
    fixes: [appendItemFix('Link the catalogue entry', ['authoritativeDefinitions'], {
      type: 'canonicalUrl', url: '${1:https://catalog.example.com/entry}', description: 'Catalogue entry.',
    }, true)],
  });
}

export const checkObjectBusinessName = perObjectCoverage({
  items: itself,
  isSatisfied: (object) => text(object.value.businessName),
  gapFor: (object) => ({
    at: onItemName(object.path),
    message: `Schema object ${labelOf(object)} has no \`businessName\`: the name business users search for.`,
    fixes: [insertKeyFix('Add a business name', object.path, 'businessName', `\${1:${humanize(object.name ?? 'object')}}`, true)],
  }),
});

/** Why an object's description does not count, or undefined when it does (a short real text counts). */
function objectDescriptionProblem(object: ObjectEntry): PlaceholderReason | undefined {
  const value = object.value.description;
  const reason = typeof value === 'string' ? placeholderReason(value, object.name) : 'empty';
  return reason === 'too-short' ? undefined : reason;
}

export const checkObjectDescription = perObjectCoverage({
  items: itself,
  isSatisfied: (object) => objectDescriptionProblem(object) === undefined,
  gapFor: (object) => {
    const missing = object.value.description === undefined;
    return {
      at: onItemName(object.path),
      message: missing
        ? `Schema object ${labelOf(object)} has no \`description\`: say what one row stands for.`
        : `The description of schema object ${labelOf(object)} ${describePlaceholder(objectDescriptionProblem(object)!)}: say what one row stands for.`,
      fixes: [missing
        ? insertKeyFix('Add a description', object.path, 'description', '${1:What one row of this object stands for.}', true)
        : replaceValueFix('Write the description', [...object.path, 'description'], '${1:What one row of this object stands for.}', true)],
    };
  },
});

export function kindNoun(model: DescriptorModel): string {
  return model.kind === 'DataContract' ? 'contract' : 'product';
}
