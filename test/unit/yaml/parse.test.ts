import * as assert from 'node:assert/strict';
import { MAX_DESCRIPTOR_CHARS, parseDescriptor } from '../../../server/src/core/yaml/parse';
import { sniffDescriptorKind } from '../../../server/src/core/yaml/sniff';
import { parseMarkers } from '../../support/markers';

function syntaxCodes(text: string): string[] {
  return parseDescriptor(text).syntaxFindings.map((finding) => finding.code);
}

describe('parseDescriptor', () => {
  it('decides the kind from content, whatever the file is called', () => {
    assert.equal(parseDescriptor('apiVersion: v3.1.0\nkind: DataContract\n').kind, 'DataContract');
    assert.equal(parseDescriptor('kind: DataProduct\n').kind, 'DataProduct');
    assert.equal(parseDescriptor('kind: Deployment\n').kind, undefined);
    assert.equal(parseDescriptor('- kind: DataProduct\n').kind, undefined, 'a sequence at the top is not a descriptor');
  });

  it('keeps the apiVersion and the plain value', () => {
    const parsed = parseDescriptor('apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: orders\n');
    assert.equal(parsed.apiVersion, 'v3.1.0');
    assert.deepEqual(parsed.value, { apiVersion: 'v3.1.0', kind: 'DataContract', schema: [{ name: 'orders' }] });
    assert.deepEqual(parsed.syntaxFindings, []);
  });

  it('underlines the whole duplicate key', () => {
    const { text, ranges } = parseMarkers('kind: DataContract\nname: a\n‹name›: b\n');
    const [finding] = parseDescriptor(text).syntaxFindings;
    assert.equal(finding?.code, 'yaml/duplicate-key');
    assert.deepEqual(finding?.span, ranges[0]);
    assert.match(finding!.message, /Duplicate key/);
  });

  it('reports one finding for an unclosed flow sequence, not a cascade', () => {
    const findings = parseDescriptor('kind: DataContract\ntags: [a, b\nname: x\n').syntaxFindings;
    assert.ok(findings.length >= 1);
    const lines = new Set(findings.map((finding) => finding.span.start));
    assert.equal(lines.size, findings.length, 'no two findings at the same place');
    assert.ok(findings.length <= 2, `expected at most two findings, got ${JSON.stringify(findings)}`);
  });

  it('reports tabs used as indentation', () => {
    assert.ok(syntaxCodes('kind: DataContract\nschema:\n\t- name: a\n').includes('yaml/tab-as-indent'));
  });

  it('reports undecodable bytes once, at the first replacement character', () => {
    const { text, ranges } = parseMarkers('kind: DataContract\nname: caf‹\uFFFD›\ndescription: \uFFFD\n');
    const encoding = parseDescriptor(text).syntaxFindings.filter((finding) => finding.code === 'yaml/encoding');
    assert.equal(encoding.length, 1);
    assert.deepEqual(encoding[0]?.span, ranges[0]);
  });

  it('refuses an alias bomb with one clear finding instead of expanding it', () => {
    let text = 'kind: DataContract\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let level = 1; level < 8; level++) text += `a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]\n`;
    const parsed = parseDescriptor(text);
    assert.equal(parsed.value, undefined);
    assert.deepEqual(parsed.syntaxFindings.map((finding) => finding.code), ['yaml/alias-limit']);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const parsed = parseDescriptor(`kind: DataContract\n${'#'.repeat(MAX_DESCRIPTOR_CHARS)}\n`);
    assert.equal(parsed.document, undefined);
    assert.deepEqual(parsed.syntaxFindings.map((finding) => finding.code), ['yaml/too-large']);
  });
});

describe('sniffDescriptorKind', () => {
  it('needs both kind and apiVersion at the top level', () => {
    assert.equal(sniffDescriptorKind('apiVersion: v1.0.0\nkind: DataProduct\n'), 'DataProduct');
    assert.equal(sniffDescriptorKind('kind: "DataContract" # ok\napiVersion: v3.1.0\n'), 'DataContract');
    assert.equal(sniffDescriptorKind('kind: DataContract\n'), undefined);
    assert.equal(sniffDescriptorKind('spec:\n  kind: DataContract\n  apiVersion: v3.1.0\n'), undefined);
  });
});
