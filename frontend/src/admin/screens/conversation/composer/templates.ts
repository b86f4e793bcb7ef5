/**
 * Templates in the composer: the search request, whether the agent may use a template here, and the
 * preview endpoint's answers (support/api/templates.py). Pure; the picker is the component.
 */
import { ApiError } from "../../../api/client";
import { roleAtLeast } from "../../credit/roles";

/** One row of `GET /api/admin/templates?conversation=<id>` (`OfferedTemplateSerializer`). */
export interface OfferedTemplate {
  id: string;
  name: string;
  category: string;
  needs_approval: boolean;
  /** Body per language. */
  variants: Record<string, string>;
  variables: string[];
  /** The variant this conversation would get. */
  language: string | null;
  /** Usable here: every value is known or can be typed by the agent. */
  offered: boolean;
  /** Values the agent must type. */
  missing: string[];
  /** Values nobody can fill here. */
  unavailable: string[];
  /** False when it needs approval and the agent is below supervisor. */
  can_send: boolean;
}

/** `POST .../templates/<tid>/preview` -> 200. */
export interface TemplatePreview {
  language: string;
  body: string;
}

/** Who sends a template that needs approval (as `template_actions.SENDER_OF_APPROVED`). */
export const APPROVED_SENDER = "supervisor";

export function templateSearchPath(conversationId: string, q: string): string {
  const params = new URLSearchParams({ conversation: conversationId });
  if (q.trim() !== "") params.set("q", q.trim());
  return `/api/admin/templates?${params.toString()}`;
}

export function previewPath(conversationId: string, templateId: string): string {
  const conversation = encodeURIComponent(conversationId);
  return `/api/admin/conversations/${conversation}/templates/${encodeURIComponent(templateId)}/preview`;
}

export type Blocked = "approval" | "unavailable" | null;

/** Why the agent may not use `template` here (approval: supervisors and above only; unavailable:
 * a value nobody can fill in this conversation), or null when they may. */
export function blockedReason(template: OfferedTemplate, role: string): Blocked {
  if (template.needs_approval && (!template.can_send || !roleAtLeast(role, APPROVED_SENDER))) return "approval";
  if (!template.offered || template.unavailable.length > 0) return "unavailable";
  return null;
}

export type PreviewRefusal = { kind: "missing"; names: string[] } | { kind: "invalid"; names: string[] };

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
}

/** The 422 of a preview: the variables the agent must fill or fix; null for any other error. */
export function previewRefusalOf(error: unknown): PreviewRefusal | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const body = error.body as { reason?: unknown; missing?: unknown; invalid?: unknown } | undefined;
  if (body?.reason === "missing_values") return { kind: "missing", names: names(body.missing) };
  if (body?.reason === "invalid_values") return { kind: "invalid", names: names(body.invalid) };
  return null;
}

/** The values typed for `wanted` variables, blanks left out (the server says again what is missing). */
export function filledValues(values: Record<string, string>, wanted: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of wanted) {
    const value = (values[name] ?? "").trim();
    if (value !== "") out[name] = value;
  }
  return out;
}
