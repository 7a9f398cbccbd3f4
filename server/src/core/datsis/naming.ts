/**
 * Naming conventions for physical names. Consumers join data across products by name; one convention per
 * workspace saves every consumer from quoting and guessing.
 */
import type { NamingConvention } from './config';
import { identifierWords } from './words';

const PATTERNS: Record<Exclude<NamingConvention, 'any'>, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$/,
  PascalCase: /^([A-Z][a-z0-9]*)+$/,
  'kebab-case': /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  SCREAMING_SNAKE_CASE: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/,
};

export function followsConvention(name: string, convention: NamingConvention): boolean {
  return convention === 'any' || PATTERNS[convention].test(name);
}

/** The same name in the given convention ("demandForecast_v2" -> "demand_forecast_v2"). */
export function toConvention(name: string, convention: NamingConvention): string {
  const words = identifierWords(name);
  if (!words.length || convention === 'any') return name;
  const capitalized = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  switch (convention) {
    case 'snake_case': return words.join('_');
    case 'kebab-case': return words.join('-');
    case 'SCREAMING_SNAKE_CASE': return words.join('_').toUpperCase();
    case 'PascalCase': return capitalized.join('');
    case 'camelCase': return words[0] + capitalized.slice(1).join('');
  }
}
