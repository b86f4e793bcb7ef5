/**
 * The staff roles, lowest first (as `shopapp/models/staff.py` ranks them), and the checks the
 * admin screens make before offering an action. The API checks again and answers 403.
 */
export const ROLES = ["agent", "supervisor", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

function rank(role: string): number {
  return ROLES.indexOf(role as Role);
}

/** Whether `role` is `minimum` or above; an unknown role is never enough. */
export function roleAtLeast(role: string, minimum: string): boolean {
  const have = rank(role);
  const need = rank(minimum);
  return have >= 0 && need >= 0 && have >= need;
}

/** Owners and admins change the shop's settings (policy, templates). */
export function canEditSettings(role: string): boolean {
  return roleAtLeast(role, "admin");
}
