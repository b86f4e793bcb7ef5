/**
 * Who may change the shop's settings (business hours, SLA, FAQ, the bot's texts, support and
 * translation settings, privacy exports, webhook replays): the owner and admins. The server
 * checks it too (403 for anyone else); the screens use this to show read-only forms instead.
 */
const EDITORS = new Set(["owner", "admin"]);

export function canEditSettings(role: string): boolean {
  return EDITORS.has(role);
}
