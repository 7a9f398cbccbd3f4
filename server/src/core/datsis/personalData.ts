/**
 * Spotting personal data by property name. A name heuristic cannot prove anything, but it catches the common
 * case this rubric cares about: an e-mail or birth-date column that nobody classified. Built-in patterns are
 * matched against the name split into snake_case words ("overrideByEmail" -> "override_by_email"), so they
 * work whatever the naming convention; a workspace adds its own through `personalDataPatterns`.
 */

/** Built-in patterns (case-insensitive), matched against the snake_case form of the name. */
export const DEFAULT_PERSONAL_DATA_PATTERNS: readonly string[] = [
  'e_?mail',
  '(^|_)(phone|telephone|mobile_(number|no|phone)|msisdn|fax)(_|$)',
  '(^|_)(birth|birthdate|birthday|dob|date_of_birth)(_|$)',
  '(^|_)(street|address|addr|zip|zip_code|zipcode|postcode|post_code|postal_code|house_number)(_|$)',
  '(^|_)(ssn|social_security|national_id|national_insurance|passport|tax_id|tin|id_card|driver_licen[cs]e|personnummer|bsn|pesel|cpr)(_|$)',
  '(^|_)(first|last|full|given|family|middle|maiden|sur)_?name(_|$)',
  '(^|_)(customer|contact|person|employee|patient|user|holder)_name(_|$)',
  '(^|_)ip(_?address|_addr|_v[46])?(_|$)',
  '(^|_)(iban|bank_account|account_holder|card_number|credit_card|pan)(_|$)',
  '(^|_)loyalty',
  '(^|_)customer_(id|number|no|key)(_|$)',
  '(^|_)(gender|sex|ethnicity|religion|health|diagnosis|biometric)(_|$)',
];

export type PersonalDataMatcher = (name: string) => boolean;

/** Most verdicts a matcher remembers before it starts afresh. */
const MEMO_LIMIT = 100_000;

/** Names in snake_case words, the form the built-in patterns expect. */
function snakeWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

/**
 * A matcher over the built-in patterns plus the workspace's. Workspace patterns are tested against the name as
 * written (that is what their authors see) and against its snake_case form. Invalid patterns are skipped here;
 * the rules file validation reports them.
 */
export function createPersonalDataMatcher(extraPatterns: readonly string[]): PersonalDataMatcher {
  // One alternation instead of a dozen expressions: the matcher runs for every property on every keystroke.
  const builtIn = [new RegExp(DEFAULT_PERSONAL_DATA_PATTERNS.map((pattern) => `(?:${pattern})`).join('|'), 'i')];
  const extra: RegExp[] = [];
  for (const pattern of extraPatterns) {
    try {
      extra.push(new RegExp(pattern, 'i'));
    } catch {
      // reported by the rules-file validation
    }
  }
  // Names barely change between keystrokes: remember each verdict (bounded, so a long session cannot grow it).
  const verdicts = new Map<string, boolean>();
  return (name) => {
    const known = verdicts.get(name);
    if (known !== undefined) return known;
    const snake = snakeWords(name);
    const verdict = builtIn.some((pattern) => pattern.test(snake)) || extra.some((pattern) => pattern.test(name) || pattern.test(snake));
    if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
    verdicts.set(name, verdict);
    return verdict;
  };
}
