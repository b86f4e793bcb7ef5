import type { AreaMessages } from "./types";

export default {
  en: {},
  "zh-CN": {},
} satisfies AreaMessages;
