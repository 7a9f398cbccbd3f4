/**
 * Generates benchmark contracts of a given size: realistic ODCS v3.1 objects with documented properties, one
 * deliberate schema error in the middle (so both servers publish a diagnostic to wait for) and marked positions
 * for the edit, the completion and the hover requests.
 */
import { stringify } from 'yaml';

/** Sizes the issue asks for: about 2 KB, 400 KB and 4 MB. */
export const SIZES = [
  { label: '2 KB', objects: 1, properties: 8 },
  { label: '400 KB', objects: 100, properties: 20 },
  { label: '4 MB', objects: 1000, properties: 20 },
];

const TYPES = [['string', 'varchar(120)'], ['integer', 'integer'], ['date', 'date'], ['number', 'numeric(12,2)'], ['boolean', 'boolean']];

export function generateContract({ objects, properties }) {
  const schema = [];
  for (let o = 0; o < objects; o++) {
    const props = [];
    for (let p = 0; p < properties; p++) {
      const [logicalType, physicalType] = TYPES[p % TYPES.length];
      props.push({
        name: `col_${o}_${p}`, logicalType, physicalType,
        description: `Column ${p} of table ${o}.`,
        required: p === 0, ...(p === 0 ? { primaryKey: true, primaryKeyPosition: 1 } : {}),
        classification: 'internal',
      });
    }
    schema.push({ name: `table_${o}`, physicalName: `table_${o}`, physicalType: 'table', businessName: `Table ${o}`, description: `Table number ${o}.`, properties: props });
  }
  const text = stringify({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'urn:bench:contract', version: '1.0.0', status: 'active', name: 'bench', schema }, { lineWidth: 0 });
  return markPositions(text, objects);
}

/**
 * Picks the positions in the middle object: the deliberate error (an invalid logicalType), the character to edit,
 * an empty line for completion and a key to hover.
 */
function markPositions(text, objects) {
  const middle = Math.floor(objects / 2);
  const objectStart = text.indexOf(`- name: table_${middle}\n`);
  const errorValue = text.indexOf('logicalType: string', objectStart) + 'logicalType: '.length;
  let withError = `${text.slice(0, errorValue)}strnig${text.slice(errorValue + 'string'.length)}`;
  // An indented empty line inside the second property of the middle object: where an author asks for completion.
  const secondProperty = withError.indexOf(`- name: col_${middle}_1\n`, objectStart);
  const lineAfter = withError.indexOf('\n', secondProperty) + 1;
  const indent = ' '.repeat(withError.slice(lineAfter).search(/\S/));
  withError = `${withError.slice(0, lineAfter)}${indent}\n${withError.slice(lineAfter)}`;
  const completionOffset = lineAfter + indent.length;
  const hoverOffset = withError.indexOf('logicalType', completionOffset) + 3;
  // The edit: another invalid value, in the third property, so the new diagnostic proves the edit was analysed.
  const thirdProperty = withError.indexOf(`- name: col_${middle}_2\n`, objectStart);
  const editOffset = withError.indexOf('logicalType: ', thirdProperty) + 'logicalType: '.length;
  return { text: withError, completionOffset, hoverOffset, editOffset };
}
