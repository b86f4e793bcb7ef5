/** One area's messages: the same keys, prefixed with the area's name, in both languages. */
export interface AreaMessages {
  en: Record<string, string>;
  "zh-CN": Record<string, string>;
}
