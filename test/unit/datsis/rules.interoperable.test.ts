import { CONTRACT, describeRule, PRODUCT } from './harness';

const props = (body: string) => `${CONTRACT}schema:\n  - name: orders\n    properties:\n${body}`;

describe('DATSIS rules: Interoperable', () => {
  describeRule('I-api-version', {
    accepted: [
      { name: 'current ODCS', yaml: CONTRACT },
      { name: 'current ODPS', yaml: PRODUCT },
    ],
    rejected: [
      { name: 'an older ODCS version: offered, not in fix all', yaml: 'apiVersion: ‹v3.0.2›\nkind: DataContract\n', fix: { fixAll: false, actions: [{ kind: 'replaceValue', path: ['apiVersion'], value: 'v3.1.0' }] } },
      { name: 'missing', yaml: '‹kind›: DataProduct\n', fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: [], key: 'apiVersion', value: 'v1.0.0' }] } },
    ],
  });

  describeRule('I-logical-types', {
    accepted: [
      { name: 'not applicable without logical types', yaml: props('      - name: id\n'), satisfied: 'n/a' },
      { name: 'standard types', yaml: props('      - name: id\n        logicalType: integer\n      - name: at\n        logicalType: timestamp\n') },
    ],
    rejected: [
      { name: 'a known synonym', yaml: props('      - name: id\n        logicalType: ‹int›\n'), fix: { fixAll: true, actions: [{ kind: 'replaceValue', path: ['schema', 0, 'properties', 0, 'logicalType'], value: 'integer' }] } },
      { name: 'an unknown type', yaml: props('      - name: id\n        logicalType: ‹money›\n'), fix: 'none' },
    ],
  });

  describeRule('I-naming', {
    accepted: [
      { name: 'snake_case physical names (logical names may differ)', yaml: `${CONTRACT}schema:\n  - name: Orders\n    physicalName: orders_v2\n    properties:\n      - name: order_id\n` },
      { name: 'camelCase when the workspace says so', yaml: props('      - name: orderId\n'), rules: { naming: { convention: 'camelCase' } } },
      { name: 'not applicable for convention any', yaml: props('      - name: Order-ID\n'), rules: { naming: { convention: 'any' } }, satisfied: 'n/a' },
    ],
    rejected: [
      {
        name: 'camelCase names in a snake_case workspace', satisfied: 1 / 3,
        yaml: `${CONTRACT}schema:\n  - name: forecast\n    physicalName: ‹demandForecast_v2›\n    properties:\n      - name: store_id\n      - name: ‹p50Qty›\n`,
        fix: { fixAll: false, actions: [{ kind: 'replaceValue', path: ['schema', 0, 'physicalName'], value: 'demand_forecast_v2' }] },
      },
      { name: 'snake_case in a kebab-case workspace', yaml: props('      - name: ‹order_id›\n'), rules: { naming: { convention: 'kebab-case' } }, satisfied: 0.5 },
    ],
  });

  describeRule('I-interface-type', {
    accepted: [
      { name: 'typed servers', yaml: `${CONTRACT}servers:\n  - server: prod\n    type: kafka\n` },
      { name: 'typed product ports', yaml: `${PRODUCT}outputPorts:\n  - name: main\n    type: tables\n` },
      { name: 'not applicable without servers', yaml: CONTRACT, satisfied: 'n/a' },
    ],
    rejected: [
      { name: 'a server without a type', yaml: `${CONTRACT}servers:\n  - server: ‹prod›\n    host: x\n`, fix: { fixAll: false } },
      { name: 'a port without a type', yaml: `${PRODUCT}outputPorts:\n  - name: ‹main›\n` },
    ],
  });

  describeRule('I-semantic-links', {
    accepted: [
      { name: 'a link on a property', yaml: props('      - name: sku\n        authoritativeDefinitions:\n          - type: businessDefinition\n            url: https://glossary.example.com/sku\n') },
      { name: 'a link on the object', yaml: `${CONTRACT}schema:\n  - name: orders\n    authoritativeDefinitions:\n      - type: businessDefinition\n        url: https://glossary.example.com/order\n` },
    ],
    rejected: [{ name: 'no links', yaml: `${CONTRACT}schema:\n  - name: ‹orders›\n`, fix: { fixAll: true } }],
  });
});
