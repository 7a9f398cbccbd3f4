/**
 * Splitting identifiers into words, the basis of naming-convention checks, personal-data detection and the
 * human-readable names quick-fixes suggest. One splitter, so "overrideByEmail", "override_by_email" and
 * "Override-By-EMail" are all the same three words everywhere.
 */

/** Lower-case words of an identifier: camelCase, PascalCase, snake_case, kebab-case, spaces and dots. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** "customer_loyalty_id" -> "Customer loyalty id": a starting point for a `businessName`. */
export function humanize(name: string): string {
  const words = identifierWords(name);
  if (!words.length) return name;
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
