import { CONTRACT, describeRule, PRODUCT, TOP } from './harness';

const K = 'apiVersion: v3.1.0\n' + TOP + ': DataContract\n';
const KP = 'apiVersion: v1.0.0\n' + TOP + ': DataProduct\n';
const props = (body: string, head = CONTRACT) => `${head}schema:\n  - name: customers\n    properties:\n${body}`;
const EMAIL_RESTRICTED = '      - name: email\n        classification: restricted\n';

describe('DATSIS rules: Secure', () => {
  describeRule('SEC-classification', {
    accepted: [{ name: 'classified', yaml: props('      - name: id\n        classification: internal\n') }],
    rejected: [
      { name: 'a personal property: restricted', yaml: props('      - name: ‹phone_number›\n'), fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'classification', value: 'restricted' }] } },
      { name: 'another property: a placeholder', yaml: props('      - name: ‹segment›\n'), fix: { actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'classification', value: '${1:internal}' }] } },
    ],
  });

  describeRule('SEC-personal-data', {
    accepted: [
      { name: 'not applicable without personal-looking names', yaml: props('      - name: store_name\n        classification: public\n'), satisfied: 'n/a' },
      { name: 'restricted e-mail and confidential birth date', yaml: props(`${EMAIL_RESTRICTED}      - name: dateOfBirth\n        classification: Confidential\n`) },
    ],
    rejected: [
      { name: 'a public e-mail in camelCase: on the classification', yaml: props('      - name: overrideByEmail\n        classification: ‹public›\n'), fix: { fixAll: true, actions: [{ kind: 'replaceValue', path: ['schema', 0, 'properties', 0, 'classification'], value: 'restricted' }] } },
      { name: 'an unclassified IBAN: on the name', yaml: props('      - name: ‹iban›\n'), fix: { actions: [{ kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'classification', value: 'restricted' }] } },
      { name: 'a physical name that looks personal', yaml: props('      - name: contact\n        physicalName: first_name\n        classification: ‹internal›\n') },
      { name: 'a workspace pattern', yaml: props('      - name: member_code\n        classification: ‹internal›\n'), rules: { personalDataPatterns: ['^member_'] } },
    ],
  });

  describeRule('SEC-roles', {
    accepted: [
      { name: 'not applicable without restricted data', yaml: props('      - name: sku\n        classification: internal\n'), satisfied: 'n/a' },
      { name: 'a role with approvers', yaml: `${props(EMAIL_RESTRICTED)}roles:\n  - role: reader\n    access: read\n    firstLevelApprovers: Data owner\n` },
    ],
    rejected: [
      { name: 'no roles: on kind', yaml: props(EMAIL_RESTRICTED, `${K}name: Customers\n`), fix: { fixAll: true, actions: [{ kind: 'appendItem', path: ['roles'], value: { role: 'customers_reader', access: 'read', firstLevelApprovers: '${1:Data owner}' } }] } },
      { name: 'a role without approvers', yaml: `${props(EMAIL_RESTRICTED)}roles:\n  - role: ‹reader›\n    access: read\n  - role: admin\n    firstLevelApprovers: CISO\n`, satisfied: 0.5 },
    ],
  });

  describeRule('SEC-retention', {
    accepted: [
      { name: 'not applicable without restricted data', yaml: props('      - name: sku\n'), satisfied: 'n/a' },
      { name: 'a retention with a unit', yaml: `${props(EMAIL_RESTRICTED)}slaProperties:\n  - property: retention\n    value: 2\n    unit: y\n` },
    ],
    rejected: [
      { name: 'none: on kind', yaml: props('      - name: sku\n        classification: restricted\n', K), fix: { fixAll: true } },
      { name: 'no unit', yaml: `${props(EMAIL_RESTRICTED)}slaProperties:\n  - property: ‹retention›\n    value: 2\n` },
    ],
  });

  describeRule('SEC-access-request', {
    accepted: [
      { name: 'a control port', yaml: `${PRODUCT}managementPorts:\n  - name: access\n    content: control\n` },
      { name: 'a ticket channel', yaml: `${PRODUCT}support:\n  - channel: Service desk\n    tool: ticket\n` },
    ],
    rejected: [
      { name: 'none', yaml: KP, fix: { fixAll: true } },
      { name: 'only an interactive channel: on the support key', yaml: `${PRODUCT}‹support›:\n  - channel: "#data"\n    scope: interactive\n` },
    ],
  });
});
