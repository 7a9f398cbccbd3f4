import { CONTRACT, describeRule, PRODUCT, TOP } from './harness';

const K = 'apiVersion: v3.1.0\n' + TOP + ': DataContract\n';
const KP = 'apiVersion: v1.0.0\n' + TOP + ': DataProduct\n';
const props = (body: string) => `${CONTRACT}schema:\n  - name: orders\n    properties:\n${body}`;

describe('DATSIS rules: Self-describing', () => {
  describeRule('S-schema', {
    accepted: [{ name: 'an object with a property', yaml: props('      - name: id\n') }],
    rejected: [
      { name: 'no schema: a skeleton, not in fix all', yaml: K, fix: { fixAll: false } },
      { name: 'objects without properties: on the schema key', yaml: `${CONTRACT}‹schema›:\n  - name: orders\n` },
    ],
  });

  describeRule('S-property-description', {
    accepted: [{ name: 'described, nested properties included', yaml: props('      - name: address\n        description: Delivery address.\n        logicalType: object\n        properties:\n          - name: city\n            description: City of the delivery address.\n') }],
    rejected: [
      {
        name: 'a nested property without a description', satisfied: 0.5,
        yaml: props('      - name: address\n        description: Delivery address.\n        properties:\n          - name: ‹city›\n'),
        fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0, 'properties', 0], key: 'description', value: '${1:What city means and how it is derived.}' }] },
      },
      { name: 'the name repeated', yaml: props('      - name: ‹order_id›\n        description: Order id\n'), fix: { actions: [{ kind: 'replaceValue', path: ['schema', 0, 'properties', 0, 'description'], value: '${1:What order id means and how it is derived.}' }] } },
      { name: 'array items count too', yaml: props('      - name: lines\n        description: Order lines.\n        logicalType: array\n        items:\n          properties:\n            - name: ‹sku›\n'), satisfied: 0.5 },
    ],
  });

  describeRule('S-logical-type', {
    accepted: [{ name: 'typed', yaml: props('      - name: id\n        logicalType: string\n') }],
    rejected: [
      { name: 'inferred from the physical type', yaml: props('      - name: ‹qty›\n        physicalType: DECIMAL(12,3)\n'), fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'logicalType', value: 'number' }] } },
      { name: 'nothing to infer from: a guess, not in fix all', yaml: props('      - name: ‹qty›\n'), fix: { fixAll: false } },
    ],
  });

  describeRule('S-physical-type', {
    accepted: [
      { name: 'not applicable without servers', yaml: props('      - name: id\n'), satisfied: 'n/a' },
      { name: 'typed with a server', yaml: `${CONTRACT}servers:\n  - server: x\n    type: duckdb\n    database: x\nschema:\n  - name: o\n    properties:\n      - name: id\n        physicalType: varchar(10)\n      - name: nested\n        logicalType: object\n` },
    ],
    rejected: [{ name: 'untyped with a server', yaml: `${CONTRACT}servers:\n  - server: x\n    type: duckdb\n    database: x\nschema:\n  - name: o\n    properties:\n      - name: ‹id›\n        logicalType: integer\n`, fix: { fixAll: false, actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'physicalType', value: '${1:integer}' }] } }],
  });

  describeRule('S-examples', {
    accepted: [{ name: 'examples (objects are exempt)', yaml: props('      - name: id\n        examples: [A-1]\n      - name: meta\n        logicalType: object\n') }],
    rejected: [{ name: 'an empty list', yaml: props('      - name: ‹id›\n        examples: []\n'), fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'examples', value: ['${1:example}'] }] } }],
  });

  describeRule('S-business-name', {
    accepted: [{ name: 'named', yaml: props('      - name: id\n        businessName: Order number\n') }],
    rejected: [{ name: 'missing: derived from the name', yaml: props('      - name: ‹customerId›\n'), fix: { actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'businessName', value: '${1:Customer id}' }] } }],
  });

  describeRule('S-granularity', {
    accepted: [{ name: 'described', yaml: `${CONTRACT}schema:\n  - name: orders\n    dataGranularityDescription: One row per order.\n` }],
    rejected: [{ name: 'missing', yaml: `${CONTRACT}schema:\n  - name: ‹orders›\n`, fix: { fixAll: true } }],
  });

  describeRule('S-port-description', {
    accepted: [{ name: 'described', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    description: Orders as tables.\n` }],
    rejected: [{ name: 'missing', yaml: `${PRODUCT}outputPorts:\n  - name: ‹main›\n`, fix: { fixAll: true } }],
  });

  describeRule('S-dictionary', {
    accepted: [{ name: 'a dictionary port', yaml: `${PRODUCT}managementPorts:\n  - name: dict\n    content: dictionary\n` }],
    rejected: [{ name: 'none', yaml: KP, fix: { fixAll: true } }],
  });
});
