/**
 * The edit engine: fixes as data (types.ts) -> minimal text edits. Import from here.
 */
export { applyEdits, fixAllCandidates, fixAllEdits, fixToEdits, type FixEditOptions } from './applyFix';
export { plainText, parseSnippetString, escapeSnippetText } from './snippet';
export { fixesOf, type Fix, type FixAction, type FixValue, type FindingFixData, type TextEdit } from './types';
