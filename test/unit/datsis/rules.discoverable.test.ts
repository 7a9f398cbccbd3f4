import { CONTRACT, describeRule, PRODUCT, TOP } from './harness';

const K = 'apiVersion: v3.1.0\n' + TOP + ': DataContract\n';
const KP = 'apiVersion: v1.0.0\n' + TOP + ': DataProduct\n';
const PURPOSE = 'Orders placed in the web shop, one row per order line.';

describe('DATSIS rules: Discoverable', () => {
  describeRule('D-name', {
    accepted: [{ name: 'a name', yaml: `${CONTRACT}name: orders\n` }],
    rejected: [
      { name: 'no name: on kind, suggested from the file name', yaml: K, fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: [], key: 'name', value: '${1:orders}' }] } },
      { name: 'a blank name: on its key', yaml: `${CONTRACT}‹name›: ""\n` },
    ],
  });

  describeRule('D-purpose', {
    accepted: [
      { name: 'a real purpose', yaml: `${CONTRACT}description:\n  purpose: ${PURPOSE}\n` },
      { name: 'a product purpose', yaml: `${PRODUCT}description:\n  purpose: ${PURPOSE}\n` },
    ],
    rejected: [
      { name: 'no description: on kind', yaml: K, fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: '${1:What this data is for: the business questions it answers and who relies on it.}' }] } },
      { name: 'description without purpose: on the description key', yaml: `${CONTRACT}‹description›:\n  usage: Join on order_id.\n` },
      { name: 'TODO', yaml: `${CONTRACT}description:\n  purpose: ‹TODO›\n`, fix: { fixAll: true } },
      { name: 'tbd in any case', yaml: `${CONTRACT}description:\n  purpose: ‹TBD - later›\n` },
      { name: 'lorem ipsum', yaml: `${CONTRACT}description:\n  purpose: ‹Lorem ipsum dolor sit amet, consectetur›\n` },
      { name: 'too short', yaml: `${CONTRACT}description:\n  purpose: ‹Order data.›\n` },
      { name: 'only the name repeated', yaml: `${CONTRACT}name: customer_order_lines\ndescription:\n  purpose: ‹Customer order lines›\n` },
    ],
  });

  describeRule('D-domain', {
    accepted: [{ name: 'a domain', yaml: `${CONTRACT}domain: sales\n` }],
    rejected: [{ name: 'no domain: suggested from the folder', yaml: K, uri: 'file:///ws/finance/ledger.odcs.yaml', fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: [], key: 'domain', value: '${1:finance}' }] } }],
  });

  describeRule('D-tags', {
    accepted: [{ name: 'one tag', yaml: `${CONTRACT}tags: [sales]\n` }],
    rejected: [
      { name: 'no tags', yaml: K, fix: { actions: [{ kind: 'appendItem', path: ['tags'], value: '${1:tag}' }] } },
      { name: 'an empty list: on its key', yaml: `${CONTRACT}‹tags›: []\n` },
    ],
  });

  describeRule('D-required-tags', {
    accepted: [
      { name: 'not applicable without required tags', yaml: `${CONTRACT}tags: [sales]\n`, satisfied: 'n/a' },
      { name: 'all required tags, case-insensitively', yaml: `${CONTRACT}tags: [Sales, gdpr-reviewed]\n`, rules: { requiredTags: ['sales', 'gdpr-reviewed'] } },
    ],
    rejected: [
      { name: 'one of two missing', yaml: `${CONTRACT}‹tags›: [sales]\n`, rules: { requiredTags: ['sales', 'gdpr-reviewed'] }, satisfied: 0.5, fix: { fixAll: true, actions: [{ kind: 'appendItem', path: ['tags'], value: 'gdpr-reviewed' }] } },
      { name: 'no tags at all: one gap per tag on kind', yaml: `apiVersion: v3.1.0\n‹‹kind››: DataContract\n`, rules: { requiredTags: ['a', 'b'] } },
    ],
  });

  describeRule('D-catalog', {
    accepted: [
      { name: 'a canonicalUrl', yaml: `${CONTRACT}authoritativeDefinitions:\n  - type: canonicalUrl\n    url: https://catalog.example.com/x\n` },
      { name: 'a businessDefinition in the description', yaml: `${PRODUCT}description:\n  authoritativeDefinitions:\n    - type: businessDefinition\n      url: https://glossary.example.com/x\n` },
    ],
    rejected: [
      { name: 'no definitions', yaml: K, fix: { fixAll: true } },
      { name: 'only an implementation link: on the key', yaml: `${CONTRACT}‹authoritativeDefinitions›:\n  - type: implementation\n    url: https://git.example.com/x\n` },
    ],
  });

  describeRule('D-usage', {
    accepted: [{ name: 'short usage is fine', yaml: `${CONTRACT}description:\n  usage: Join on order_id.\n` }],
    rejected: [
      { name: 'missing: on the description key', yaml: `${CONTRACT}‹description›:\n  purpose: ${PURPOSE}\n`, fix: { actions: [{ kind: 'insertKey', parentPath: ['description'], key: 'usage', value: '${1:How to use the data: typical queries, joins and the consumers it is built for.}' }] } },
      { name: 'a placeholder', yaml: `${CONTRACT}description:\n  usage: ‹tbd›\n` },
    ],
  });

  describeRule('D-limitations', {
    accepted: [{ name: 'limitations', yaml: `${PRODUCT}description:\n  limitations: No online orders.\n` }],
    rejected: [{ name: 'missing without a description: on kind', yaml: KP }],
  });

  describeRule('D-object-business-name', {
    accepted: [{ name: 'every object', yaml: `${CONTRACT}schema:\n  - name: orders\n    businessName: Orders\n` }],
    rejected: [{
      name: 'one of two objects', satisfied: 0.5,
      yaml: `${CONTRACT}schema:\n  - name: orders\n    businessName: Orders\n  - name: ‹order_lines›\n`,
      fix: { fixAll: true, actions: [{ kind: 'insertKey', parentPath: ['schema', 1], key: 'businessName', value: '${1:Order lines}' }] },
    }],
  });

  describeRule('D-object-description', {
    accepted: [{ name: 'a described object', yaml: `${CONTRACT}schema:\n  - name: orders\n    description: One row per order.\n` }],
    rejected: [
      { name: 'missing', yaml: `${CONTRACT}schema:\n  - name: ‹orders›\n` },
      { name: 'a placeholder', yaml: `${CONTRACT}schema:\n  - name: ‹orders›\n    description: TODO\n`, fix: { actions: [{ kind: 'replaceValue', path: ['schema', 0, 'description'], value: '${1:What one row of this object stands for.}' }] } },
      { name: 'an object without a name: on its first key', yaml: `${CONTRACT}schema:\n  - ‹physicalName›: orders\n` },
    ],
  });
});
