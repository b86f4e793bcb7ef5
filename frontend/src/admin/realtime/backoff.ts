/**
 * How long to wait before the next reconnect: exponential from `BASE_MS`,
 * capped at `CAP_MS`, with jitter (between half and all of it) so that many
 * agents dropped at once by a server restart do not all come back together.
 */
export const BASE_MS = 1000;
export const CAP_MS = 30_000;

/** `attempt` counts failures since the last successful open, from 0; `random` is in [0, 1). */
export function reconnectDelay(attempt: number, random: number): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** exponent);
  const spread = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * spread);
}
