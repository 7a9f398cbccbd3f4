import { CONTRACT, describeRule, fakeWorkspace, PRODUCT, TOP } from './harness';

const K = 'apiVersion: v3.1.0\n' + TOP + ': DataContract\n';
const KP = 'apiVersion: v1.0.0\n' + TOP + ': DataProduct\n';
const SELF = 'file:///ws/sales/orders.odcs.yaml';

describe('DATSIS rules: Addressable', () => {
  describeRule('A-id-stable', {
    accepted: [
      { name: 'a UUID', yaml: `${CONTRACT}id: 53581432-6c55-4ba2-a65f-72344a91553a\n` },
      { name: 'a URN', yaml: `${CONTRACT}id: urn:acme:contract:sales:orders\n` },
    ],
    rejected: [
      { name: 'no id: a URN built from domain and name', yaml: `${K}name: Order Lines\ndomain: sales\n`, fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: [], key: 'id', value: 'urn:${1:org}:contract:sales:order-lines' }] } },
      { name: 'a plain word: on the value, never in fix all', yaml: `${CONTRACT}id: ‹orders›\n`, fix: { fixAll: false } },
    ],
  });

  describeRule('A-id-unique', {
    accepted: [
      { name: 'not applicable without a workspace', yaml: `${CONTRACT}id: urn:acme:orders\n`, satisfied: 'n/a' },
      { name: 'only this file has the id', yaml: `${CONTRACT}id: urn:acme:orders\n`, workspace: fakeWorkspace([{ uri: SELF, id: 'urn:acme:orders', kind: 'DataContract' }]) },
    ],
    rejected: [{
      name: 'another file has the same id', yaml: `${CONTRACT}id: ‹urn:acme:orders›\n`, fix: 'none',
      workspace: fakeWorkspace([{ uri: SELF, id: 'urn:acme:orders', kind: 'DataContract' }, { uri: 'file:///ws/copy.odcs.yaml', id: 'urn:acme:orders', kind: 'DataContract' }]),
    }],
  });

  describeRule('A-version', {
    accepted: [
      { name: 'semver', yaml: `${CONTRACT}version: 1.2.3\n` },
      { name: 'semver with a pre-release', yaml: `${PRODUCT}version: 2.0.0-rc.1\n` },
    ],
    rejected: [
      { name: 'missing', yaml: K, fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: [], key: 'version', value: '${1:0.1.0}' }] } },
      { name: 'two components: offers the nearest semver', yaml: `${CONTRACT}version: ‹"1.2"›\n`, fix: { fixAll: false, actions: [{ kind: 'replaceValue', path: ['version'], value: '1.2.0' }] } },
      { name: 'not a version at all', yaml: `${CONTRACT}version: ‹latest›\n`, fix: 'none' },
    ],
  });

  describeRule('A-status', {
    accepted: [{ name: 'a status', yaml: `${PRODUCT}status: active\n` }],
    rejected: [{ name: 'missing', yaml: KP, fix: { fixAll: true } }],
  });

  describeRule('A-physical-name', {
    accepted: [{ name: 'set', yaml: `${CONTRACT}schema:\n  - name: orders\n    physicalName: orders_v1\n` }],
    rejected: [{
      name: 'missing: the name in the naming convention', yaml: `${CONTRACT}schema:\n  - name: ‹OrderLines›\n`,
      fix: { actions: [{ kind: 'insertKey', parentPath: ['schema', 0], key: 'physicalName', value: '${1:order_lines}' }] },
    }],
  });

  describeRule('A-server', {
    accepted: [{ name: 'one server', yaml: `${CONTRACT}servers:\n  - server: prod\n    type: s3\n` }],
    rejected: [{ name: 'none', yaml: K, fix: { fixAll: true } }],
  });

  describeRule('A-server-address', {
    accepted: [
      { name: 'not applicable without servers', yaml: CONTRACT, satisfied: 'n/a' },
      { name: 'a full postgres address', yaml: `${CONTRACT}servers:\n  - server: prod\n    type: postgres\n    host: db\n    port: 5432\n    database: shop\n    schema: public\n` },
      { name: 'an unknown type with a location', yaml: `${CONTRACT}servers:\n  - server: lake\n    type: custom\n    location: abfss://x\n` },
    ],
    rejected: [{
      name: 'snowflake without database and schema', satisfied: 0.5,
      yaml: `${CONTRACT}servers:\n  - server: ‹prod›\n    type: snowflake\n    account: acme\n  - server: dev\n    type: duckdb\n    database: dev.duckdb\n`,
      fix: { fixAll: true, actions: [
        { kind: 'insertKey', parentPath: ['servers', 0], key: 'database', value: '${1:database}' },
        { kind: 'insertKey', parentPath: ['servers', 0], key: 'schema', value: '${2:schema}' },
      ] },
    }],
  });

  describeRule('A-output-port', {
    accepted: [{ name: 'one port', yaml: `${PRODUCT}outputPorts:\n  - name: main\n` }],
    rejected: [{ name: 'none', yaml: KP, fix: { fixAll: true } }],
  });

  const contracts = fakeWorkspace([{ uri: 'file:///ws/c.odcs.yaml', id: 'urn:acme:c', kind: 'DataContract', version: '1.0.0' }]);
  describeRule('A-port-contract', {
    accepted: [
      { name: 'not applicable without ports', yaml: PRODUCT, satisfied: 'n/a' },
      { name: 'a contract id without a workspace', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    contractId: urn:acme:elsewhere\n` },
      { name: 'a contract that resolves', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    contractId: urn:acme:c\n`, workspace: contracts },
    ],
    rejected: [
      { name: 'no contract id', yaml: `${PRODUCT}outputPorts:\n  - name: ‹main›\n`, fix: { fixAll: true } },
      { name: 'a contract that does not resolve', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    contractId: ‹urn:acme:gone›\n`, workspace: contracts, fix: 'none' },
    ],
  });

  describeRule('A-port-version', {
    accepted: [
      { name: 'a semver port version', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    version: 1.0.0\n` },
      { name: 'equal to its contract', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    version: 1.0.0\n    contractId: urn:acme:c\n`, workspace: contracts },
    ],
    rejected: [
      { name: 'missing: the contract version', yaml: `${PRODUCT}outputPorts:\n  - name: ‹main›\n    contractId: urn:acme:c\n`, workspace: contracts, fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['outputPorts', 0], key: 'version', value: '1.0.0' }] } },
      { name: 'differs from its contract', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    version: ‹0.9.0›\n    contractId: urn:acme:c\n`, workspace: contracts, fix: { fixAll: false, actions: [{ kind: 'replaceValue', path: ['outputPorts', 0, 'version'], value: '1.0.0' }] } },
      { name: 'not semver', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    version: ‹v2›\n` },
    ],
  });
});
