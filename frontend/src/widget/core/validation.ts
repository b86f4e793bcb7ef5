/** Form checks the widget does before asking the API (which checks again). Pure. */

/** Something@something.tld, no spaces: enough to catch typos; the API validates for real. */
export function isPlausibleEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
