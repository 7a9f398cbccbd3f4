/**
 * The workspace rules file `.datsis.yaml`: recognising it, validating it (schema errors on the exact node,
 * unknown rule ids with a did-you-mean fix) and reading the usable part of it. A rules file with one mistake
 * still applies everything else it says: a typo in one rule must not silently reset the whole rubric.
 */
import type { ErrorObject } from 'ajv';
import { compileValidators } from '../schemas';
import type { Finding, ValuePath } from '../types';
import { parseDescriptor, type ParsedDescriptor } from '../yaml/parse';
import { DEFAULT_RULES_CONFIG, mergeRulesConfig, NAMING_CONVENTIONS, type MaturityLevel, type NamingConvention, type RuleSetting, type RulesConfig, type RulesFileContent } from './config';
import { isMap } from './model';
import { onKey, onValue, resolvePlace } from './place';
import { RUBRIC } from './rubric';
import type { GapPlace } from './types';

export const RULES_FILE_NAMES = ['.datsis.yaml', '.datsis.yml'];

/** True for a URI or path whose file name is `.datsis.yaml` (or `.yml`). */
export function isRulesFileUri(uri: string): boolean {
  const name = uri.split(/[\\/]/).pop() ?? '';
  return RULES_FILE_NAMES.includes(name);
}

export interface LoadedRules {
  readonly content: RulesFileContent;
  readonly findings: readonly Finding[];
}

/** Parses and validates a rules file's text. */
export function loadRulesFile(text: string): LoadedRules {
  const parsed = parseDescriptor(text);
  return { content: rulesFileContent(parsed.value), findings: [...parsed.syntaxFindings, ...analyzeRulesFile(parsed)] };
}

/**
 * Defaults overridden by a rules file's text (when there is one). Reads without validating: the findings are
 * reported when the file itself is analysed, and reading must stay cheap because it runs on every edit of it.
 */
export function configFromRulesFile(text: string | undefined, base: RulesConfig = DEFAULT_RULES_CONFIG): RulesConfig {
  return text === undefined ? base : mergeRulesConfig(base, rulesFileContent(parseDescriptor(text).value));
}

/** Findings about the rules file itself (syntax findings are the parser's). */
export function analyzeRulesFile(parsed: ParsedDescriptor): Finding[] {
  const value = parsed.value;
  if (value === undefined || value === null) return [];
  const validate = compileValidators().rules;
  const findings: Finding[] = [];
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const { at, message } = describeError(error, value);
      findings.push({ span: resolvePlace(parsed.document, at), message, severity: 'error', code: `rules/${error.keyword}`, source: 'schema' });
    }
  }
  if (isMap(value) && isMap(value.rules)) {
    for (const id of Object.keys(value.rules)) {
      if (RUBRIC.some((rule) => rule.id === id)) continue;
      const suggestion = closestRuleId(id);
      findings.push({
        span: resolvePlace(parsed.document, onKey(['rules', id])),
        message: `Unknown DATSIS rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} The override has no effect.`,
        severity: 'warning', code: 'rules/unknown-rule', source: 'DATSIS',
        ...(suggestion ? { data: { fixes: [{ title: `Change to ${suggestion}`, fixAll: false, actions: [{ kind: 'renameKey', path: ['rules', id], newKey: suggestion }] }] } } : {}),
      });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}

function pathOf(pointer: string): ValuePath {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((segment) => {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

function describeError(error: ErrorObject, root: unknown): { at: GapPlace; message: string } {
  const path = pathOf(error.instancePath);
  const where = path.length ? `\`${path.join('.')}\`` : 'The rules file';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { at: onKey([...path, String(params.additionalProperty)]), message: `Unknown key \`${String(params.additionalProperty)}\`${path.length ? ` in ${where}` : ''}.` };
    case 'required':
      return { at: placeOfContainer(path, root), message: `${where} needs \`${String(params.missingProperty)}\`.` };
    case 'enum':
      return { at: onValue(path), message: `${where} must be one of: ${(params.allowedValues as unknown[]).join(', ')}.` };
    case 'propertyNames':
      return { at: onKey([...path, String(params.propertyName)]), message: `"${String(params.propertyName)}" is not a valid rule id.` };
    default:
      return { at: onValue(path), message: `${where} ${error.message ?? 'is invalid'}.` };
  }
}

function placeOfContainer(path: ValuePath, root: unknown): GapPlace {
  if (!path.length) return onKey([Object.keys(isMap(root) ? root : {})[0] ?? '']);
  return typeof path[path.length - 1] === 'number' ? { path: [...path, 'name'], part: 'value' } : onKey(path);
}

/** The closest known rule id by edit distance (case-insensitive), when it is close enough to be a typo. */
export function closestRuleId(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const rule of RUBRIC) {
    const distance = editDistance(id.toLowerCase(), rule.id.toLowerCase());
    if (distance < bestDistance) {
      best = rule.id;
      bestDistance = distance;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

/**
 * The usable part of a rules file's value: each key is taken only when it is well-formed, entry by entry, so
 * a mistake elsewhere does not discard it. (The findings above tell the author what was ignored.)
 */
export function rulesFileContent(value: unknown): RulesFileContent {
  if (!isMap(value)) return {};
  const content: { -readonly [K in keyof RulesFileContent]: RulesFileContent[K] } = {};
  if (isMap(value.rules)) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, raw] of Object.entries(value.rules)) {
      if (!isMap(raw)) continue;
      const setting: { enabled?: boolean; weight?: number; severity?: RuleSetting['severity'] } = {};
      if (typeof raw.enabled === 'boolean') setting.enabled = raw.enabled;
      if (typeof raw.weight === 'number' && raw.weight >= 0) setting.weight = raw.weight;
      if (typeof raw.severity === 'string' && SEVERITY_NAMES.includes(raw.severity)) setting.severity = raw.severity as RuleSetting['severity'];
      rules[id] = setting;
    }
    content.rules = rules;
  }
  if (typeof value.minScore === 'number' && value.minScore >= 0 && value.minScore <= 100) content.minScore = value.minScore;
  if (Array.isArray(value.levels)) {
    const levels = value.levels.filter((level): level is MaturityLevel => isMap(level) && typeof level.name === 'string' && level.name.length > 0 && typeof level.min === 'number');
    if (levels.length) content.levels = levels.map((level) => ({ name: level.name, min: level.min }));
  }
  if (isMap(value.naming) && NAMING_CONVENTIONS.includes(value.naming.convention as NamingConvention)) content.naming = { convention: value.naming.convention as NamingConvention };
  if (Array.isArray(value.requiredTags)) content.requiredTags = value.requiredTags.filter((tag): tag is string => typeof tag === 'string' && tag.length > 0);
  if (Array.isArray(value.personalDataPatterns)) content.personalDataPatterns = value.personalDataPatterns.filter((pattern): pattern is string => typeof pattern === 'string' && isValidRegex(pattern));
  if (isMap(value.ddl) && typeof value.ddl.dialect === 'string') content.ddl = { dialect: value.ddl.dialect };
  return content;
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}
