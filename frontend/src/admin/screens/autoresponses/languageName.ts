/** A language code the bot answers in ("de") named in the admin's language ("German" / "德语"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
