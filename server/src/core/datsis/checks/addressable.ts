/** Checks of the Addressable dimension: can a consumer (or a machine) point at exactly this data, reliably? */
import type { FixValue } from '../../fixes/types';
import type { CheckEnvironment } from '../environment';
import { hasValue, text, type DescriptorModel, type Located } from '../model';
import { toConvention } from '../naming';
import { onItemName, onKey, onValue, TOP_LEVEL } from '../place';
import type { CheckGap, CheckResult } from '../types';
import { kindNoun } from './discoverable';
import { appendItemFix, coverageOf, fileStem, insertKeyFix, labelOf, lower, NOT_APPLICABLE, presence, replaceValueFix } from './helpers';
import { itself, perObjectCoverage } from './objectCoverage';
import { addressPlaceholder, GENERIC_ADDRESS_KEYS, SERVER_ADDRESS_KEYS } from './serverAddress';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const URN_PATTERN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
export const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** A URN to start from: organisation, kind, domain and name, each a placeholder the author confirms. */
function suggestedUrn(model: DescriptorModel, environment: CheckEnvironment): string {
  const slug = (value: string) => toConvention(value, 'kebab-case');
  const name = slug(text(model.root.name) ?? fileStem(environment.uri));
  const domain = slug(text(model.root.domain) ?? 'domain');
  return `urn:\${1:org}:${model.kind === 'DataContract' ? 'contract' : 'product'}:${domain}:${name}`;
}

export function checkStableId(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  const id = text(model.root.id);
  if (!id) {
    return presence({
      at: model.root.id === undefined ? TOP_LEVEL : onKey(['id']),
      message: `The ${kindNoun(model)} has no \`id\`: other descriptors reference it by id, so give it a UUID or a URN.`,
      fixes: [insertKeyFix('Add a URN id', [], 'id', suggestedUrn(model, environment), true)],
    });
  }
  if (UUID_PATTERN.test(id) || URN_PATTERN.test(id)) return presence(undefined);
  return presence({
    at: onValue(['id']),
    message: `The id "${id}" is neither a UUID nor a URN: a globally unique, stable form survives renames and moves.`,
    // Changing an id breaks everything that references it, so this is never part of "fix all".
    fixes: [replaceValueFix('Replace the id with a URN', ['id'], suggestedUrn(model, environment), false)],
  });
}

export function checkUniqueId(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  const id = text(model.root.id);
  if (!id || !environment.workspace) return NOT_APPLICABLE;
  const others = environment.workspace.byId(id).filter((summary) => summary.uri !== environment.uri);
  if (!others.length) return presence(undefined);
  const where = others.map((summary) => decodeURIComponent(summary.uri.split('/').pop() ?? summary.uri)).join(', ');
  return presence({ at: onValue(['id']), message: `The id "${id}" is also used by ${where}: ids must be unique in the workspace.` });
}

/** "1.2" -> "1.2.0", "v1.2.3" -> "1.2.3"; undefined when no semantic version can be read from it. */
export function coerceSemver(version: string): string | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  return match ? `${Number(match[1])}.${Number(match[2] ?? 0)}.${Number(match[3] ?? 0)}` : undefined;
}

export function checkVersion(model: DescriptorModel): CheckResult {
  const version = text(model.root.version);
  if (!version) {
    return presence({
      at: model.root.version === undefined ? TOP_LEVEL : onKey(['version']),
      message: `The ${kindNoun(model)} has no \`version\`: consumers pin versions to be safe from breaking changes.`,
      fixes: [insertKeyFix('Add a version', [], 'version', '${1:0.1.0}', true)],
    });
  }
  if (SEMVER_PATTERN.test(version)) return presence(undefined);
  const coerced = coerceSemver(version);
  return presence({
    at: onValue(['version']),
    message: `The version "${version}" is not a semantic version (MAJOR.MINOR.PATCH), so consumers cannot tell breaking changes apart.`,
    fixes: coerced ? [replaceValueFix(`Change the version to ${coerced}`, ['version'], coerced, false)] : [],
  });
}

export function checkStatus(model: DescriptorModel): CheckResult {
  if (text(model.root.status)) return presence(undefined);
  return presence({
    at: model.root.status === undefined ? TOP_LEVEL : onKey(['status']),
    message: `The ${kindNoun(model)} has no \`status\`: consumers need to know whether it is a draft, active or deprecated.`,
    fixes: [insertKeyFix('Add a status', [], 'status', '${1:draft}', true)],
  });
}

export const checkPhysicalName = perObjectCoverage({
  context: (environment) => environment.config.naming.convention,
  items: itself,
  isSatisfied: (object) => text(object.value.physicalName),
  gapFor: (object, _object, convention) => ({
    at: onItemName(object.path),
    message: `Schema object ${labelOf(object)} has no \`physicalName\`: the table, view, topic or file it lives in.`,
    fixes: [insertKeyFix('Add the physical name', object.path, 'physicalName', `\${1:${toConvention(object.name ?? 'object', convention)}}`, true)],
  }),
});

export function checkServerDeclared(model: DescriptorModel): CheckResult {
  if (model.servers.length) return presence(undefined);
  return presence({
    at: model.root.servers === undefined ? TOP_LEVEL : onKey(['servers']),
    message: 'The contract declares no `servers`: say where the data physically lives so consumers can connect.',
    fixes: [appendItemFix('Add a server', ['servers'], {
      server: '${1:production}', type: '${2:postgres}', environment: 'prod',
      host: '${3:db.example.com}', port: 5432, database: '${4:database}', schema: '${5:schema}',
    }, true)],
  });
}

export function missingAddressKeys(server: Located): string[] {
  const type = lower(server.value.type) ?? '';
  const required = SERVER_ADDRESS_KEYS[type];
  if (!required) return GENERIC_ADDRESS_KEYS.some((key) => hasValue(server.value[key])) ? [] : ['host'];
  return required.filter((key) => !hasValue(server.value[key]));
}

export function checkServerAddress(model: DescriptorModel): CheckResult {
  return coverageOf(model.servers, (server): CheckGap | undefined => {
    const missing = missingAddressKeys(server);
    if (!missing.length) return undefined;
    const type = lower(server.value.type);
    return {
      at: onItemName(server.path, 'server'),
      message: `Server ${labelOf(server, 'server')} is missing ${missing.map((key) => `\`${key}\``).join(', ')}${type ? ` for type \`${type}\`` : ''}: without a full address nobody can connect.`,
      fixes: [{
        title: `Complete the address of server ${labelOf(server, 'server')}`,
        actions: missing.map((key, index) => ({ kind: 'insertKey' as const, parentPath: server.path, key, value: addressPlaceholder(key, index + 1) as FixValue })),
        fixAll: true,
      }],
    };
  });
}

export function checkOutputPort(model: DescriptorModel): CheckResult {
  if (model.outputPorts.length) return presence(undefined);
  return presence({
    at: model.root.outputPorts === undefined ? TOP_LEVEL : onKey(['outputPorts']),
    message: 'The product has no `outputPorts`: an output port is how consumers address the data a product serves.',
    fixes: [appendItemFix('Add an output port', ['outputPorts'], {
      name: '${1:main}', description: '${2:What this port serves.}', type: 'tables', version: '${3:1.0.0}', contractId: '${4:urn:org:contract:domain:name}',
    }, true)],
  });
}

/** The data contracts (other than this file) that carry `contractId`. */
function resolveContract(environment: CheckEnvironment, contractId: string) {
  return environment.workspace?.byId(contractId).find((summary) => summary.kind === 'DataContract');
}

export function checkPortContract(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  return coverageOf(model.outputPorts, (port): CheckGap | undefined => {
    const contractId = text(port.value.contractId);
    if (!contractId) {
      return {
        at: onItemName(port.path),
        message: `Output port ${labelOf(port)} has no \`contractId\`: the contract is what the port promises its consumers.`,
        fixes: [insertKeyFix('Add the contract id', port.path, 'contractId', '${1:urn:org:contract:domain:name}', true)],
      };
    }
    if (!environment.workspace || resolveContract(environment, contractId)) return undefined;
    return {
      at: onValue([...port.path, 'contractId']),
      message: `Output port ${labelOf(port)} points at contract "${contractId}", which is not in the workspace.`,
    };
  });
}

export function checkPortVersion(model: DescriptorModel, environment: CheckEnvironment): CheckResult {
  return coverageOf(model.outputPorts, (port): CheckGap | undefined => {
    const version = text(port.value.version);
    const contractId = text(port.value.contractId);
    const contractVersion = contractId ? resolveContract(environment, contractId)?.version : undefined;
    if (!version) {
      return {
        at: onItemName(port.path),
        message: `Output port ${labelOf(port)} has no \`version\`: name and version together address one port instance.`,
        fixes: [insertKeyFix('Add the port version', port.path, 'version', contractVersion ?? '${1:1.0.0}', true)],
      };
    }
    if (!SEMVER_PATTERN.test(version)) {
      return { at: onValue([...port.path, 'version']), message: `Output port ${labelOf(port)} has version "${version}", which is not a semantic version.` };
    }
    if (contractVersion && contractVersion !== version) {
      return {
        at: onValue([...port.path, 'version']),
        message: `Output port ${labelOf(port)} has version ${version}, but its contract is at version ${contractVersion}.`,
        fixes: [replaceValueFix(`Change the port version to ${contractVersion}`, [...port.path, 'version'], contractVersion, false)],
      };
    }
    return undefined;
  });
}
