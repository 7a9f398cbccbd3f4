/**
 * Where a new key goes. Authors (and the Bitol examples) write descriptors in a conventional order: identity
 * first, then description, then infrastructure, schema, people and service levels. A key inserted by a fix lands
 * after its closest predecessor in that order, so `domain` goes next to `status`, not at the end of the file.
 * Keys not listed here are appended after the last sibling.
 */
import type { DescriptorKind, ValuePath } from '../types';

const CONTRACT_TOP = [
  'apiVersion', 'kind', 'id', 'name', 'version', 'status', 'domain', 'dataProduct', 'tenant', 'tags', 'description',
  'authoritativeDefinitions', 'servers', 'schema', 'support', 'price', 'team', 'roles', 'slaDefaultElement',
  'slaProperties', 'customProperties', 'contractCreatedTs',
];

const PRODUCT_TOP = [
  'apiVersion', 'kind', 'id', 'name', 'version', 'status', 'domain', 'tenant', 'description', 'authoritativeDefinitions',
  'tags', 'customProperties', 'inputPorts', 'outputPorts', 'managementPorts', 'support', 'team', 'productCreatedTs',
];

const DESCRIPTION = ['purpose', 'usage', 'limitations', 'authoritativeDefinitions', 'customProperties'];

const SCHEMA_OBJECT = [
  'id', 'name', 'physicalName', 'physicalType', 'logicalType', 'businessName', 'description',
  'dataGranularityDescription', 'tags', 'authoritativeDefinitions', 'properties', 'relationships', 'quality',
  'customProperties',
];

const SCHEMA_PROPERTY = [
  'id', 'name', 'businessName', 'description', 'logicalType', 'physicalType', 'physicalName', 'logicalTypeOptions',
  'required', 'unique', 'primaryKey', 'primaryKeyPosition', 'partitioned', 'partitionKeyPosition',
  'criticalDataElement', 'classification', 'encryptedName', 'examples', 'transformSourceObjects', 'transformLogic',
  'transformDescription', 'tags', 'authoritativeDefinitions', 'relationships', 'quality', 'customProperties', 'items',
  'properties',
];

const SERVER = ['id', 'server', 'type', 'description', 'environment'];
const TEAM = ['id', 'name', 'description', 'members', 'tags', 'customProperties', 'authoritativeDefinitions'];
const TEAM_MEMBER = ['username', 'name', 'description', 'role', 'dateIn', 'dateOut', 'replacedByUsername'];
const PORT = ['name', 'description', 'type', 'version', 'contractId', 'sbom', 'inputContracts', 'tags', 'customProperties', 'authoritativeDefinitions'];
const SLA_PROPERTY = ['id', 'property', 'value', 'valueExt', 'unit', 'element', 'driver', 'description', 'scheduler', 'schedule'];
const ROLE = ['id', 'role', 'description', 'access', 'firstLevelApprovers', 'secondLevelApprovers', 'customProperties'];
const SUPPORT_CHANNEL = ['id', 'channel', 'url', 'description', 'tool', 'scope', 'invitationUrl'];
const QUALITY_RULE = ['id', 'name', 'description', 'type', 'dimension', 'metric', 'rule', 'arguments', 'query', 'engine', 'implementation'];

/** Path shapes (numbers written as `#`) and the key order of the mapping found there. */
const BY_SHAPE: readonly [RegExp, readonly string[]][] = [
  [/^description$/, DESCRIPTION],
  [/^schema\.#$/, SCHEMA_OBJECT],
  [/(^|\.)(properties\.#|items)$/, SCHEMA_PROPERTY],
  [/^servers\.#$/, SERVER],
  [/^team$/, TEAM],
  [/^team(\.members)?\.#$/, TEAM_MEMBER],
  [/^(input|output|management)Ports\.#$/, PORT],
  [/^slaProperties\.#$/, SLA_PROPERTY],
  [/^roles\.#$/, ROLE],
  [/^support\.#$/, SUPPORT_CHANNEL],
  [/(^|\.)quality\.#$/, QUALITY_RULE],
];

/** The conventional key order of the mapping at `path`, or undefined when there is none. */
export function preferredKeyOrder(kind: DescriptorKind | undefined, path: ValuePath): readonly string[] | undefined {
  if (path.length === 0) return kind === 'DataProduct' ? PRODUCT_TOP : kind === 'DataContract' ? CONTRACT_TOP : undefined;
  const shape = path.map((segment) => (typeof segment === 'number' ? '#' : segment)).join('.');
  return BY_SHAPE.find(([pattern]) => pattern.test(shape))?.[1];
}
