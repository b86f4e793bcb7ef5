/**
 * Template bodies and the editor's draft over plain values. The variable syntax is the backend's
 * (`support/rules/templates.py`): `{{customer.first_name}}`, spaces inside the braces allowed; a
 * stray `{{` or `}}` is malformed. Errors are keyed by field: `name`, `category`, `variants` (the
 * template as a whole) and `body.<language>`, each with a reason code (the API's codes).
 */
import { ApiError } from "../../api/client";
import { TEMPLATE_LANGUAGES } from "./types";

const SLOT = /\{\{\s*([^{}]*?)\s*\}\}/g;
export const MAX_NAME = 120;
export const MAX_CATEGORY = 64;
export const MAX_BODY = 5000;

export interface Draft {
  name: string;
  category: string;
  needsApproval: boolean;
  /** Bodies in the order the editor shows them. */
  variants: { language: string; body: string }[];
}

export interface TemplateBody {
  name: string;
  category: string;
  needs_approval: boolean;
  variants: Record<string, string>;
}

/** A field's problem: a reason code, and the variable names it is about (unknown_variables). */
export interface FieldError {
  code: string;
  names?: string[];
}

export type DraftErrors = Record<string, FieldError>;

/** The list's path for a search: `q` and `language` only when given. */
export function templatesPath(q: string, language: string): string {
  const query = new URLSearchParams();
  if (q.trim() !== "") query.set("q", q.trim());
  if (language !== "") query.set("language", language);
  const text = query.toString();
  return text === "" ? "/api/admin/templates" : `/api/admin/templates?${text}`;
}

export function variableToken(name: string): string {
  return `{{${name}}}`;
}

/** The variable names a body uses, in order of first use. */
export function usedVariables(body: string): string[] {
  return [...new Set([...body.matchAll(SLOT)].map((match) => match[1] ?? ""))];
}

export function isMalformed(body: string): boolean {
  const rest = body.replace(SLOT, "");
  return rest.includes("{{") || rest.includes("}}");
}

/** `text` with `token` put in place of the selection [start, end) (clamped to the text). */
export function insertAt(text: string, start: number, end: number, token: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + token + text.slice(to), cursor: from + token.length };
}

/** Languages that have no body yet, in the backend's order. */
export function languagesLeft(draft: Draft): string[] {
  const used = new Set(draft.variants.map((variant) => variant.language));
  return TEMPLATE_LANGUAGES.filter((language) => !used.has(language));
}

export function draftFromTemplate(template: {
  name: string;
  category: string;
  needs_approval: boolean;
  variants: Record<string, string>;
}): Draft {
  const order = (language: string) => {
    const index = (TEMPLATE_LANGUAGES as readonly string[]).indexOf(language);
    return index < 0 ? TEMPLATE_LANGUAGES.length : index;
  };
  const variants = Object.entries(template.variants)
    .map(([language, body]) => ({ language, body }))
    .sort((a, b) => order(a.language) - order(b.language));
  return { name: template.name, category: template.category, needsApproval: template.needs_approval, variants };
}

export function emptyDraft(language = "en"): Draft {
  return { name: "", category: "", needsApproval: false, variants: [{ language, body: "" }] };
}

/**
 * The API's body, or what is wrong with the draft (then nothing may be sent). `known`: the
 * variable names that exist; null when the list is not loaded (the API checks them then).
 */
export function templateBody(draft: Draft, known: string[] | null): { body: TemplateBody; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.split(/\s+/).filter(Boolean).join(" ");
  const category = draft.category.split(/\s+/).filter(Boolean).join(" ");
  if (name === "") errors.name = { code: "empty_name" };
  if (draft.variants.length === 0) errors.variants = { code: "no_variant" };
  const variants: Record<string, string> = {};
  for (const { language, body } of draft.variants) {
    const text = body.trim();
    const field = `body.${language}`;
    if (text === "") errors[field] = { code: "empty_body" };
    else if (text.length > MAX_BODY) errors[field] = { code: "body_too_long" };
    else if (isMalformed(text)) errors[field] = { code: "malformed_template" };
    else if (known !== null) {
      const unknown = usedVariables(text).filter((used) => !known.includes(used));
      if (unknown.length > 0) errors[field] = { code: "unknown_variables", names: unknown };
    }
    variants[language] = text;
  }
  return { body: { name, category, needs_approval: draft.needsApproval, variants }, errors };
}

const NAME_CODES = new Set(["empty_name", "duplicate_name"]);
const TEMPLATE_CODES = new Set(["no_variant", "unknown_language"]);
const BODY_CODES = new Set(["unknown_variables", "malformed_template", "empty_body", "body_too_long"]);

/**
 * The fields a refusal of the API is about (an empty object: it is about no field, show its
 * reason). `{code: "unknown_variables", variables: [...]}` marks the bodies using those names;
 * DRF's `{code: "invalid_input", fields: {name: ["..."]}}` marks the fields with its messages.
 */
export function apiDraftErrors(error: unknown, draft: Draft): DraftErrors {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const body = (error.body ?? {}) as { code?: unknown; variables?: unknown; fields?: unknown };
  const code = typeof body.code === "string" ? body.code : "";
  if (NAME_CODES.has(code)) return { name: { code } };
  if (TEMPLATE_CODES.has(code)) return { variants: { code } };
  if (BODY_CODES.has(code)) {
    const names = Array.isArray(body.variables) ? body.variables.filter((n): n is string => typeof n === "string") : [];
    const errors: DraftErrors = {};
    for (const { language, body: text } of draft.variants) {
      const hit =
        code === "unknown_variables"
          ? usedVariables(text).some((used) => names.includes(used))
          : code === "malformed_template"
            ? isMalformed(text)
            : code === "empty_body"
              ? text.trim() === ""
              : text.trim().length > MAX_BODY;
      if (hit) errors[`body.${language}`] = code === "unknown_variables" ? { code, names } : { code };
    }
    if (Object.keys(errors).length > 0) return errors;
    return { variants: code === "unknown_variables" ? { code, names } : { code } };
  }
  if (code === "invalid_input" && typeof body.fields === "object" && body.fields !== null) {
    const errors: DraftErrors = {};
    for (const [field, value] of Object.entries(body.fields as Record<string, unknown>)) {
      if (field === "variants" && typeof value === "object" && value !== null && !Array.isArray(value)) {
        for (const [language, messages] of Object.entries(value)) {
          const message = firstMessage(messages);
          if (message !== null) errors[`body.${language}`] = { code: message };
        }
        continue;
      }
      const message = firstMessage(value);
      if (message !== null) errors[field === "needs_approval" ? "variants" : field] = { code: message };
    }
    return errors;
  }
  return {};
}

function firstMessage(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return firstMessage(value[0]);
  if (typeof value === "object" && value !== null) return firstMessage(Object.values(value)[0]);
  return null;
}
