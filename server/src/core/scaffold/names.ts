/**
 * The spellings a scaffolded descriptor needs from one name the author types ("Demand Forecast",
 * "demand-forecast", "demandForecast" all work): a file name, a snake_case physical name, a title for people.
 */
import { identifierWords } from '../datsis/words';

export interface ScaffoldNames {
  /** As typed, trimmed: the product's display name. */
  readonly display: string;
  /** `demand-forecast`: file names and URL paths. */
  readonly kebab: string;
  /** `demand_forecast`: contract name, tables and columns (the default naming convention). */
  readonly snake: string;
  /** `Demand forecast`: business names. */
  readonly title: string;
}

export function scaffoldNames(name: string): ScaffoldNames {
  const words = identifierWords(name).map((word) => word.toLowerCase()).filter(Boolean);
  if (!words.length) throw new Error(`"${name}" has no letters or digits to build a name from`);
  const title = words.join(' ');
  return { display: name.trim(), kebab: words.join('-'), snake: words.join('_'), title: title[0]!.toUpperCase() + title.slice(1) };
}
