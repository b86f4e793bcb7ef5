/** /api/admin/templates (support/api/templates.py). */
export interface Template {
  id: string;
  name: string;
  category: string;
  needs_approval: boolean;
  /** One body per language code: {"en": "Hi {{customer.first_name}}"}. */
  variants: Record<string, string>;
  /** The variables the bodies use, sorted. */
  variables: string[];
  created_by_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TemplateList {
  results: Template[];
}

/** GET /api/admin/templates/variables (a plain list). */
export interface TemplateVariable {
  name: string;
  type: string;
  agent_supplied: boolean;
  description: string;
}

/** The languages a template may have a variant in (support/rules/texts.py), in their order. */
export const TEMPLATE_LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "zh"] as const;
