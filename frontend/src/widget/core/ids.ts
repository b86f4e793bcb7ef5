/**
 * Message ids are decimal strings that can exceed 2^53: they are compared as
 * strings (length first), never converted to numbers.
 */

function digits(id: string): string {
  return id.replace(/^0+(?=\d)/, "");
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareIds(a: string, b: string): number {
  const x = digits(a);
  const y = digits(b);
  if (x.length !== y.length) {
    return x.length - y.length;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when id is greater than other (anything is after null). */
export function isAfter(id: string, other: string | null): boolean {
  return other === null || compareIds(id, other) > 0;
}
