import { CONTRACT, describeRule, PRODUCT, TOP } from './harness';

const K = 'apiVersion: v3.1.0\n' + TOP + ': DataContract\n';
const KP = 'apiVersion: v1.0.0\n' + TOP + ': DataProduct\n';

describe('DATSIS rules: Trustworthy', () => {
  describeRule('T-quality-coverage', {
    accepted: [
      { name: 'object-level rules', yaml: `${CONTRACT}schema:\n  - name: orders\n    quality:\n      - type: library\n        metric: rowCount\n        mustBeGreaterThan: 0\n` },
      { name: 'a property-level rule covers its object', yaml: `${CONTRACT}schema:\n  - name: orders\n    properties:\n      - name: id\n        quality:\n          - metric: nullValues\n            mustBe: 0\n` },
    ],
    rejected: [{
      name: 'an object without rules', yaml: `${CONTRACT}schema:\n  - name: ‹orders›\n    properties:\n      - name: id\n`,
      fix: { fixAll: true, actions: [{ kind: 'appendItem', path: ['schema', 0, 'quality'], value: { type: 'library', metric: 'rowCount', mustBeGreaterThan: 0, description: '${1:The object is never empty after a load.}' } }] },
    }],
  });

  describeRule('T-cde-quality', {
    accepted: [
      { name: 'not applicable without critical elements', yaml: `${CONTRACT}schema:\n  - name: orders\n    properties:\n      - name: id\n`, satisfied: 'n/a' },
      { name: 'named by an object-level SQL rule', yaml: `${CONTRACT}schema:\n  - name: orders\n    properties:\n      - name: amount\n        criticalDataElement: true\n    quality:\n      - type: sql\n        query: SELECT COUNT(*) FROM orders WHERE amount < 0\n        mustBe: 0\n` },
    ],
    rejected: [{
      name: 'a critical element without a rule (a longer name in SQL does not count)', satisfied: 0.5,
      yaml: `${CONTRACT}schema:\n  - name: orders\n    properties:\n      - name: ‹amount›\n        criticalDataElement: true\n      - name: id\n        criticalDataElement: true\n        quality:\n          - metric: nullValues\n            mustBe: 0\n    quality:\n      - type: sql\n        query: SELECT SUM(amount_net) FROM orders\n`,
      fix: { fixAll: true, actions: [{ kind: 'appendItem', path: ['schema', 0, 'properties', 0, 'quality'], value: { type: 'library', metric: 'nullValues', mustBe: 0 } }] },
    }],
  });

  describeRule('T-quality-framework', {
    accepted: [
      { name: 'a custom rule with an engine', yaml: `${CONTRACT}schema:\n  - name: orders\n    quality:\n      - type: custom\n        engine: soda\n        implementation: checks\n` },
      { name: 'a library metric', yaml: `${CONTRACT}schema:\n  - name: orders\n    quality:\n      - type: library\n        metric: rowCount\n` },
    ],
    rejected: [
      { name: 'only prose rules: on the first rule', yaml: `${CONTRACT}schema:\n  - name: orders\n    quality:\n      - type: ‹text›\n        description: Looks fine.\n`, fix: 'none' },
      { name: 'no rules and no schema: on kind', yaml: K },
    ],
  });

  describeRule('T-sla-freshness', {
    accepted: [
      { name: 'latency with a unit', yaml: `${CONTRACT}slaProperties:\n  - property: latency\n    value: 4\n    unit: h\n` },
      { name: 'a time of availability needs no unit', yaml: `${CONTRACT}slaProperties:\n  - property: timeOfAvailability\n    value: "05:00"\n` },
    ],
    rejected: [
      { name: 'none', yaml: K, fix: { fixAll: true, actions: [{ kind: 'appendItem', path: ['slaProperties'], value: { property: 'latency', value: 1, unit: 'd', description: '${1:Data is available within one day of the event.}' } }] } },
      { name: 'frequency without a unit', yaml: `${CONTRACT}slaProperties:\n  - property: ‹frequency›\n    value: 1\n`, fix: { actions: [{ kind: 'insertKey', parentPath: ['slaProperties', 0], key: 'unit', value: '${1:d}' }] } },
    ],
  });

  describeRule('T-sla-availability', {
    accepted: [{ name: 'availability with a unit', yaml: `${CONTRACT}slaProperties:\n  - property: availability\n    value: 99.9\n    unit: percent\n` }],
    rejected: [{ name: 'only latency: on the slaProperties key', yaml: `${CONTRACT}‹slaProperties›:\n  - property: latency\n    value: 1\n    unit: d\n`, fix: { fixAll: true } }],
  });

  describeRule('T-support', {
    accepted: [{ name: 'a channel with a URL', yaml: `${PRODUCT}support:\n  - channel: "#data"\n    url: https://chat.example.com/data\n` }],
    rejected: [
      { name: 'none', yaml: KP, fix: { fixAll: true } },
      { name: 'a channel without a URL', yaml: `${CONTRACT}support:\n  - channel: ‹"#data"›\n    tool: slack\n`, fix: { actions: [{ kind: 'insertKey', parentPath: ['support', 0], key: 'url', value: '${1:https://chat.example.com/channel}' }] } },
    ],
  });

  describeRule('T-owner', {
    accepted: [
      { name: 'an owner in team.members', yaml: `${CONTRACT}team:\n  name: Sales\n  members:\n    - username: kim\n      role: Product Owner\n` },
      { name: 'an owner in a v3.0-style team list', yaml: `${CONTRACT}team:\n  - username: kim\n    role: owner\n` },
    ],
    rejected: [
      { name: 'no team', yaml: KP, fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: [], key: 'team', value: { name: '${2:Team name}', members: [{ username: '${1:owner@example.com}', role: 'owner' }] } }] } },
      { name: 'a team without an owner: on the team key', yaml: `${CONTRACT}‹team›:\n  members:\n    - username: kim\n      role: engineer\n`, fix: { actions: [{ kind: 'appendItem', path: ['team', 'members'], value: { username: '${1:owner@example.com}', role: 'owner' } }] } },
    ],
  });

  describeRule('T-primary-key', {
    accepted: [{ name: 'a key property', yaml: `${CONTRACT}schema:\n  - name: orders\n    properties:\n      - name: id\n        primaryKey: true\n` }],
    rejected: [{ name: 'no key', yaml: `${CONTRACT}schema:\n  - name: ‹orders›\n    properties:\n      - name: id\n`, fix: 'none' }],
  });

  describeRule('T-lineage', {
    accepted: [
      { name: 'a derived product with an input port', yaml: `${PRODUCT}inputPorts:\n  - name: sales\n    version: 1.0.0\n    contractId: urn:acme:sales\n` },
      { name: 'not applicable to a source-aligned product (tag)', yaml: `${PRODUCT}tags: [Source-Aligned]\n`, satisfied: 'n/a' },
      { name: 'not applicable to a source-aligned product (custom property)', yaml: `${PRODUCT}customProperties:\n  - property: dataProductType\n    value: source-aligned\n`, satisfied: 'n/a' },
    ],
    rejected: [{ name: 'a derived product without input ports: two choices, neither in fix all', yaml: KP, fix: { fixAll: false } }],
  });

  describeRule('T-observability', {
    accepted: [{ name: 'an observability port', yaml: `${PRODUCT}managementPorts:\n  - name: obs\n    content: observability\n` }],
    rejected: [{ name: 'only a dictionary port: on the key', yaml: `${PRODUCT}‹managementPorts›:\n  - name: dict\n    content: dictionary\n`, fix: { fixAll: true } }],
  });
});
