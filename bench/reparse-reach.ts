/**
 * How far does the incremental reparse reach? Types a few characters at three places of a generated contract and
 * times `reparseDescriptor` per keystroke: a property value (the `profile-edit.ts` edit), a schema object's
 * `- name:` line and a property's `- name:` line. "reused" says whether the previous document was updated in place
 * (incremental) or rebuilt by a full parse.
 *   npx tsx bench/reparse-reach.ts [objects] [properties] [keystrokes] [--check]
 * With --check every result is compared with a full parse (slow on big contracts; a sanity check, not a test).
 */
import { isDeepStrictEqual } from 'node:util';
import { reparseDescriptor } from '../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../server/src/core/yaml/parse';
// @ts-expect-error plain JS module
import { generateContract } from './generate.mjs';

const [objects, properties, keystrokes] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 20), Number(process.argv[4] ?? 5)];
const check = process.argv.includes('--check');
const contract = generateContract({ objects, properties }) as { text: string; editOffset: number };
const middle = Math.floor(objects / 2);
const objectLine = contract.text.indexOf(`- name: table_${middle}\n`);
const scenarios: [string, number][] = [
  ['property value', contract.editOffset],
  ['object `- name:` line', objectLine + `- name: table_${middle}`.length],
  ['property `- name:` line', contract.text.indexOf(`- name: col_${middle}_2\n`, objectLine) + `- name: col_${middle}_2`.length],
];

console.log(`${(contract.text.length / 1024 / 1024).toFixed(1)} MB, ${objects} objects x ${properties} properties`);
const started = performance.now();
const base = parseDescriptor(contract.text);
console.log(`full parse ${(performance.now() - started).toFixed(1)} ms`);

for (const [label, offset] of scenarios) {
  // Each scenario starts from its own full parse: an incremental step updates the previous document in place.
  let parsed: ParsedDescriptor = label === scenarios[0]![0] ? base : parseDescriptor(contract.text);
  let text = contract.text;
  const times: number[] = [];
  let reused = 0;
  for (let key = 0; key < keystrokes; key++) {
    const at = offset + key;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const previousDocument = parsed.document;
    const before = performance.now();
    parsed = reparseDescriptor(parsed, text);
    times.push(performance.now() - before);
    if (parsed.document === previousDocument) reused++;
    if (check && !isDeepStrictEqual(parsed.value, parseDescriptor(text).value)) throw new Error(`${label}: keystroke ${key + 1} differs from a full parse`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(26)} median ${times[Math.floor(times.length / 2)]!.toFixed(2).padStart(9)} ms  max ${times[times.length - 1]!.toFixed(2).padStart(9)} ms  reused ${reused}/${keystrokes}`);
}
