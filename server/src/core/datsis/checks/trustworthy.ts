/** Checks of the Trustworthy dimension: can a consumer rely on the data, and on someone when it breaks? */
import type { FixValue } from '../../fixes/types';
import { hasValue, mapsAt, text, type DescriptorModel, type Located, type ObjectEntry, type PropertyEntry } from '../model';
import { onItemName, onKey, onValue, TOP_LEVEL } from '../place';
import type { CheckResult } from '../types';
import { kindNoun } from './discoverable';
import { appendItemFix, insertKeyFix, labelOf, lower, mapsIn, NOT_APPLICABLE, presence } from './helpers';
import { itself, memoPerObject, perObjectCoverage } from './objectCoverage';

/** SLA properties that promise freshness; `timeOfAvailability` is a clock time and needs no unit. */
export const FRESHNESS_SLA = ['latency', 'freshness', 'frequency', 'timeofavailability'];
export const AVAILABILITY_SLA = ['availability', 'uptime'];

export const checkQualityCoverage = perObjectCoverage({
  items: itself,
  isSatisfied: (object) => object.quality.length || object.properties.some((property) => mapsIn(property.value.quality).length),
  gapFor: (object) => ({
    at: onItemName(object.path),
    message: `Schema object ${labelOf(object)} has no quality rules: consumers cannot tell good data from bad.`,
    fixes: [appendItemFix('Add a row-count quality rule', [...object.path, 'quality'], {
      type: 'library', metric: 'rowCount', mustBeGreaterThan: 0, description: '${1:The object is never empty after a load.}',
    }, true)],
  }),
});

/** Text of an object-level rule that may name columns (SQL, custom implementations, descriptions). */
function ruleText(rule: Located): string {
  const parts = [rule.value.query, rule.value.description, rule.value.implementation, rule.value.element, rule.value.column];
  return parts.map((part) => (typeof part === 'string' ? part : part === undefined ? '' : JSON.stringify(part))).join('\n');
}

function mentions(haystack: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`).test(haystack);
}

/** A critical data element with the text of its object's rules, which may name it. */
interface CriticalElement {
  readonly property: PropertyEntry;
  readonly objectRuleText: string;
}

/**
 * A critical data element is covered by a rule of its own, or by an object-level rule that names it (cross-
 * column SQL and tool checks such as Soda often guard several columns at once).
 */
export const checkCriticalDataElementQuality = perObjectCoverage({
  items: (object): CriticalElement[] => {
    const critical = object.properties.filter((property) => property.value.criticalDataElement === true);
    const objectRuleText = critical.length ? object.quality.map(ruleText).join('\n') : '';
    return critical.map((property) => ({ property, objectRuleText }));
  },
  isSatisfied: ({ property, objectRuleText }) => mapsIn(property.value.quality).length || (property.name && mentions(objectRuleText, property.name)),
  gapFor: ({ property }) => ({
    at: onItemName(property.path),
    message: `Critical data element ${labelOf(property)} has no quality rule: critical elements are the ones consumers depend on most.`,
    fixes: [appendItemFix('Add a not-null quality rule', [...property.path, 'quality'], { type: 'library', metric: 'nullValues', mustBe: 0 }, true)],
  }),
});

/** A rule tied to a framework: a library metric, a custom rule with its engine, or a definition link. */
function usesFramework(rule: Located): boolean {
  const type = lower(rule.value.type) ?? (rule.value.metric !== undefined ? 'library' : undefined);
  if (type === 'library' && hasValue(rule.value.metric ?? rule.value.rule)) return true;
  if (type === 'custom' && hasValue(rule.value.engine)) return true;
  return mapsIn(rule.value.authoritativeDefinitions).length > 0;
}

/** An object's quality rules (its own, then its properties' in property order) as the framework rule sees them. */
const qualityOf = memoPerObject((object: ObjectEntry) => {
  const rules = [...object.quality, ...object.properties.flatMap((property) => mapsAt(property.value, 'quality', property.path))];
  return { first: rules[0], usesFramework: rules.some(usesFramework) };
});

export function checkQualityFramework(model: DescriptorModel): CheckResult {
  const quality = model.objects.map((object) => qualityOf(object, undefined));
  if (quality.some((summary) => summary.usesFramework)) return presence(undefined);
  const first = quality.find((summary) => summary.first)?.first;
  return presence({
    at: first ? onItemName(first.path, 'type') : model.root.schema === undefined ? TOP_LEVEL : onKey(['schema']),
    message: 'No quality rule names the framework that runs it: use `library` metrics, `custom` rules with an `engine`, or link the rule definition.',
  });
}

function slaGap(model: DescriptorModel, names: readonly string[], label: string, template: Record<string, FixValue>): CheckResult {
  const matching = model.slaProperties.filter((sla) => names.includes(lower(sla.value.property) ?? ''));
  const withUnit = matching.find((sla) => lower(sla.value.property) === 'timeofavailability' || text(sla.value.unit));
  if (withUnit) return presence(undefined);
  const first = matching[0];
  if (first) {
    return presence({
      at: onValue([...first.path, 'property']),
      message: `SLA property \`${String(first.value.property)}\` has no \`unit\`: a number without a unit is not a promise.`,
      fixes: [insertKeyFix('Add the unit', first.path, 'unit', `\${1:${String(template.unit)}}`, true)],
    });
  }
  return presence({
    at: model.root.slaProperties === undefined ? TOP_LEVEL : onKey(['slaProperties']),
    message: `The contract promises no ${label} (\`slaProperties\`): consumers need it to decide whether they can build on the data.`,
    fixes: [appendItemFix(`Add ${/^[aeiou]/i.test(String(template.property)) ? 'an' : 'a'} ${String(template.property)} SLA`, ['slaProperties'], template, true)],
  });
}

export function checkFreshnessSla(model: DescriptorModel): CheckResult {
  return slaGap(model, FRESHNESS_SLA, 'freshness or latency', { property: 'latency', value: 1, unit: 'd', description: '${1:Data is available within one day of the event.}' });
}

export function checkAvailabilitySla(model: DescriptorModel): CheckResult {
  return slaGap(model, AVAILABILITY_SLA, 'availability', { property: 'availability', value: 99.5, unit: 'percent', description: '${1:Monthly availability of the production data.}' });
}

export function checkSupport(model: DescriptorModel): CheckResult {
  if (model.support.some((item) => hasValue(item.value.url) || hasValue(item.value.invitationUrl))) return presence(undefined);
  const first = model.support[0];
  if (first) {
    return presence({
      at: onItemName(first.path, 'channel'),
      message: `Support channel ${labelOf(first, 'channel')} has no \`url\`: consumers need a way to actually reach the team.`,
      fixes: [insertKeyFix('Add the channel URL', first.path, 'url', '${1:https://chat.example.com/channel}', true)],
    });
  }
  return presence({
    at: model.root.support === undefined ? TOP_LEVEL : onKey(['support']),
    message: `The ${kindNoun(model)} has no \`support\` channel: consumers need somewhere to ask and to report problems.`,
    fixes: [appendItemFix('Add a support channel', ['support'], { channel: '${1:#data-support}', tool: '${2:slack}', url: '${3:https://chat.example.com/channel}' }, true)],
  });
}

export function checkOwner(model: DescriptorModel): CheckResult {
  if (model.teamMembers.some((member) => /owner/i.test(String(member.value.role ?? '')))) return presence(undefined);
  const owner = { username: '${1:owner@example.com}', role: 'owner' };
  if (model.root.team === undefined) {
    return presence({
      at: TOP_LEVEL,
      message: `The ${kindNoun(model)} has no \`team\`: name the team and its owner, the person accountable for the data.`,
      fixes: [insertKeyFix('Add a team with an owner', [], 'team', { name: '${2:Team name}', members: [owner] }, true)],
    });
  }
  return presence({
    at: onKey(['team']),
    message: 'Nobody in the team has the `owner` role: every data product needs one accountable owner.',
    fixes: [appendItemFix('Add an owner', model.teamMembersPath, owner, true)],
  });
}

export const checkPrimaryKey = perObjectCoverage({
  items: itself,
  isSatisfied: (object) => object.properties.some((property) => property.value.primaryKey === true),
  gapFor: (object) => ({
    at: onItemName(object.path),
    message: `Schema object ${labelOf(object)} declares no primary key: without one, duplicates cannot even be defined.`,
  }),
});

/** Source-aligned products read operational systems, not contracts: they have no input ports to declare. */
export function isSourceAligned(model: DescriptorModel): boolean {
  const normalize = (value: unknown) => String(value ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const tags = Array.isArray(model.root.tags) ? model.root.tags : [];
  if (tags.some((tag) => normalize(tag) === 'sourcealigned')) return true;
  return mapsIn(model.root.customProperties).some((property) =>
    /producttype|dataproducttype/i.test(String(property.property ?? '')) && normalize(property.value) === 'sourcealigned');
}

export function checkLineage(model: DescriptorModel): CheckResult {
  if (isSourceAligned(model)) return NOT_APPLICABLE;
  if (model.inputPorts.some((port) => hasValue(port.value.contractId))) return presence(undefined);
  return presence({
    at: model.root.inputPorts === undefined ? TOP_LEVEL : onKey(['inputPorts']),
    message: 'The product declares no `inputPorts`: a derived product must show what it is built from (or be tagged `source-aligned`).',
    fixes: [
      appendItemFix('Add an input port', ['inputPorts'], { name: '${1:source}', version: '${2:1.0.0}', contractId: '${3:urn:org:contract:domain:name}' }, false),
      appendItemFix('Tag the product as source-aligned', ['tags'], 'source-aligned', false),
    ],
  });
}

export function checkObservability(model: DescriptorModel): CheckResult {
  if (model.managementPorts.some((port) => lower(port.value.content) === 'observability')) return presence(undefined);
  return presence({
    at: model.root.managementPorts === undefined ? TOP_LEVEL : onKey(['managementPorts']),
    message: 'The product has no observability management port: consumers cannot see freshness and quality results.',
    fixes: [appendItemFix('Add an observability port', ['managementPorts'], {
      name: '${1:observability}', content: 'observability', type: 'rest', url: '${2:https://observability.example.com/products/name}',
    }, true)],
  });
}
