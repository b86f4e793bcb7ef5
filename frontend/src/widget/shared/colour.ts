/**
 * The shop's accent colour and a text colour that stays readable on it.
 * Pure functions (WCAG 2 relative luminance and contrast ratio).
 */

export const DEFAULT_COLOUR = "#008060";
export const LIGHT_TEXT = "#ffffff";
export const DARK_TEXT = "#000000";

/** "#abc" or "#aabbcc" (any case, surrounding spaces) as "#aabbcc"; anything else is null. */
export function normaliseColour(value: string | null | undefined): string | null {
  const text = (value ?? "").trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) {
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  }
  return /^#[0-9a-f]{6}$/.test(text) ? text : null;
}

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a "#rrggbb" colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** Contrast ratio of two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or black, whichever contrasts more with the background (ties go to white). */
export function readableTextColour(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}
