/**
 * Sends the outbox for the session: one message at a time, in order; shows
 * each as sending, waiting or failed in the timeline; after a failure worth
 * retrying it tries again on a backoff timer (the session also retries when
 * the browser comes back online and when the socket reopens).
 */
import type { WidgetApi } from "./api";
import type { Outbox } from "./outbox";
import { reconnectDelay } from "./realtime";
import type { Timeline } from "./timeline";
import type { Timers } from "./timers";
import type { WidgetMessage } from "./types";

export interface SenderDeps {
  api: Pick<WidgetApi, "send">;
  outbox: Outbox;
  timeline: Timeline;
  timers: Timers;
  random: () => number;
  /** A message the server accepted (its answer; does not move the resync cursor). */
  onSent: (message: WidgetMessage) => void;
  onChange: () => void;
  /** Called by the retry timer: the session's flush (which checks it may send). */
  retry: () => void;
}

export class Sender {
  private retryTimer: unknown = null;
  private attempt = 0;

  constructor(private readonly deps: SenderDeps) {}

  async flush(conversationId: string): Promise<void> {
    const { api, outbox, timeline, onChange } = this.deps;
    const result = await outbox.flush(
      (pending) =>
        api.send(conversationId, {
          body: pending.body,
          client_id: pending.client_id,
          attachment_ids: pending.attachments.map((attachment) => attachment.id),
        }),
      {
        onSending: (pending) => {
          timeline.setLocalStatus(pending.client_id, "sending");
          onChange();
        },
        onSent: (_pending, message) => this.deps.onSent(message),
        onRefused: (pending, error) => {
          timeline.setLocalStatus(pending.client_id, "failed", error.code, error.detail);
          onChange();
        },
        onPaused: () => {
          this.markWaiting();
          this.scheduleRetry();
        },
      },
    );
    if (result === "empty") {
      this.attempt = 0;
    }
  }

  /** Every unsent message shows as waiting for a connection. */
  markWaiting(): void {
    for (const pending of this.deps.outbox.list()) {
      this.deps.timeline.setLocalStatus(pending.client_id, "waiting");
    }
    this.deps.onChange();
  }

  dispose(): void {
    this.clearRetry();
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const delay = reconnectDelay(this.attempt, this.deps.random);
    this.attempt += 1;
    this.retryTimer = this.deps.timers.setTimeout(() => {
      this.retryTimer = null;
      this.deps.retry();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      this.deps.timers.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }
}
