/** Checks of the Secure dimension: is sensitive data marked as such and is access to it governed? */
import type { CheckEnvironment } from '../environment';
import { hasValue, text, type DescriptorModel, type ObjectEntry, type PropertyEntry } from '../model';
import type { PersonalDataMatcher } from '../personalData';
import { onItemName, onKey, onValue, TOP_LEVEL } from '../place';
import type { CheckGap, CheckResult } from '../types';
import { appendItemFix, coverage, insertKeyFix, labelOf, lower, NOT_APPLICABLE, presence, replaceValueFix } from './helpers';
import { memoPerObject, perObjectCoverage } from './objectCoverage';

/** Classifications that protect personal data (compared lower-case). */
export const PROTECTED_CLASSIFICATIONS = ['restricted', 'confidential', 'sensitive', 'secret', 'highly confidential', 'strictly confidential', 'pii', 'personal'];

function isProtected(property: PropertyEntry): boolean {
  return PROTECTED_CLASSIFICATIONS.includes(lower(property.value.classification) ?? '');
}

/** Whether a property's name or physical name looks personal (the matcher remembers its verdicts per name). */
function looksPersonal(property: PropertyEntry, isPersonal: PersonalDataMatcher): boolean {
  const names = [text(property.value.name), text(property.value.physicalName)];
  return names.some((name) => name !== undefined && isPersonal(name));
}

interface SensitiveProperties {
  /** Properties of the object whose name or physical name looks personal, in document order. */
  readonly personal: readonly PropertyEntry[];
  /** True when any property of the object is protected (restricted, confidential...) or looks personal. */
  readonly holdsRestrictedData: boolean;
}

/**
 * One pass over an object's properties per matcher, remembered per object: three rules ask the same question of
 * every property, and only the edited object needs asking again on a keystroke.
 */
const sensitiveIn = memoPerObject((object: ObjectEntry, isPersonal: PersonalDataMatcher): SensitiveProperties => {
  const personal = object.properties.filter((property) => looksPersonal(property, isPersonal));
  return { personal, holdsRestrictedData: personal.length > 0 || object.properties.some(isProtected) };
});

function holdsRestrictedData(model: DescriptorModel, environment: CheckEnvironment): boolean {
  return model.objects.some((object) => sensitiveIn(object, environment.isPersonal).holdsRestrictedData);
}

export const checkClassification = perObjectCoverage({
  context: (environment) => environment.isPersonal,
  items: (object) => object.properties,
  isSatisfied: (property) => text(property.value.classification),
  gapFor: (property, _object, isPersonal) => ({
    at: onItemName(property.path),
    message: `Property ${labelOf(property)} has no \`classification\`: access rules and masking start from it.`,
    fixes: [insertKeyFix('Add a classification', property.path, 'classification',
      looksPersonal(property, isPersonal) ? 'restricted' : '${1:internal}', true)],
  }),
});

export const checkPersonalData = perObjectCoverage({
  context: (environment) => environment.isPersonal,
  items: (object, isPersonal) => sensitiveIn(object, isPersonal).personal,
  isSatisfied: isProtected,
  gapFor: (property): CheckGap => {
    const classification = text(property.value.classification);
    return classification
      ? {
        at: onValue([...property.path, 'classification']),
        message: `Property ${labelOf(property)} looks like personal data but is classified \`${classification}\`: classify it \`restricted\` or \`confidential\`.`,
        fixes: [replaceValueFix('Classify as restricted', [...property.path, 'classification'], 'restricted', true)],
      }
      : {
        at: onItemName(property.path),
        message: `Property ${labelOf(property)} looks like personal data but is not classified: classify it \`restricted\` or \`confidential\`.`,
        fixes: [insertKeyFix('Classify as restricted', property.path, 'classification', 'restricted', true)],
      };
  },
});

export function checkAccessRoles(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  if (!holdsRestrictedData(model, environment)) return NOT_APPLICABLE;
  if (!model.roles.length) {
    const name = (text(model.root.name) ?? 'data').replace(/\s+/g, '_').toLowerCase();
    return presence({
      at: model.root.roles === undefined ? TOP_LEVEL : onKey(['roles']),
      message: 'The contract holds restricted or personal data but declares no access `roles`: say who may read it and who approves.',
      fixes: [appendItemFix('Add a reader role', ['roles'], { role: `${name}_reader`, access: 'read', firstLevelApprovers: '${1:Data owner}' }, true)],
    });
  }
  return coverage(model.roles, (role) => hasValue(role.value.firstLevelApprovers), (role) => ({
    at: onItemName(role.path, 'role'),
    message: `Role ${labelOf(role, 'role')} has no \`firstLevelApprovers\`: access to restricted data needs someone who approves it.`,
    fixes: [insertKeyFix('Add an approver', role.path, 'firstLevelApprovers', '${1:Data owner}', true)],
  }));
}

export function checkRetention(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  if (!holdsRestrictedData(model, environment)) return NOT_APPLICABLE;
  const retention = model.slaProperties.find((sla) => lower(sla.value.property) === 'retention');
  if (retention && text(retention.value.unit)) return presence(undefined);
  if (retention) {
    return presence({
      at: onValue([...retention.path, 'property']),
      message: 'The retention SLA has no `unit`: "keep for 2" is not a retention period.',
      fixes: [insertKeyFix('Add the unit', retention.path, 'unit', '${1:y}', true)],
    });
  }
  return presence({
    at: model.root.slaProperties === undefined ? TOP_LEVEL : onKey(['slaProperties']),
    message: 'The contract holds restricted or personal data but promises no `retention`: say how long it is kept.',
    fixes: [appendItemFix('Add a retention SLA', ['slaProperties'], { property: 'retention', value: 1, unit: 'y', description: '${1:Why the data is kept this long.}' }, true)],
  });
}

/** Products: consumers need a documented way to request access: a `control` port or an issues/ticket channel. */
export function checkAccessRequest(model: DescriptorModel): CheckResult {
  if (model.managementPorts.some((port) => lower(port.value.content) === 'control')) return presence(undefined);
  if (model.support.some((item) => lower(item.value.scope) === 'issues' || lower(item.value.tool) === 'ticket')) return presence(undefined);
  return presence({
    at: model.root.support === undefined ? TOP_LEVEL : onKey(['support']),
    message: 'The product offers no way to request access: add a `control` management port or a support channel with scope `issues`.',
    fixes: [appendItemFix('Add an access-request channel', ['support'], {
      channel: '${1:Access requests}', tool: 'ticket', scope: 'issues', url: '${2:https://tickets.example.com/data-access}',
    }, true)],
  });
}
