/** A tiny event hub: the socket emits, screens subscribe by event name. */
import type { RealtimeEventName, RealtimePayloads } from "./events";

export type Handler<N extends RealtimeEventName> = (payload: RealtimePayloads[N]) => void;

export interface EventHub {
  on<N extends RealtimeEventName>(name: N, handler: Handler<N>): () => void;
  emit(name: RealtimeEventName, payload: unknown): void;
}

export function createHub(): EventHub {
  const handlers = new Map<RealtimeEventName, Set<(payload: unknown) => void>>();
  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      const wrapped = handler as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    emit(name, payload) {
      // A copy: a handler may unsubscribe (or subscribe) while we iterate.
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          // One screen's failing handler must not keep the others from their events.
          console.error("realtime handler failed", name, error);
        }
      }
    },
  };
}
