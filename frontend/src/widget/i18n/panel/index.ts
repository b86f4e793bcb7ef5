/** The panel's words in every widget language. */
import type { Language } from "../../shared/language";
import { de } from "./de";
import { en, type PanelStrings } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { nl } from "./nl";
import { pt } from "./pt";
import { zhCN } from "./zh-CN";

export type { PanelStrings };

export const PANEL_STRINGS: Record<Language, PanelStrings> = { en, "zh-CN": zhCN, es, fr, de, pt, it, nl };
