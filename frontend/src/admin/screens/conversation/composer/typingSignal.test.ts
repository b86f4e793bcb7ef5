import { describe, expect, it } from "vitest";
import { ManualTimers } from "../../../realtime/testing";
import { TypingSignal, type TypingState } from "./typingSignal";

function setup() {
  let clock = 0;
  const sent: TypingState[] = [];
  const timers = new ManualTimers();
  const signal = new TypingSignal({
    send: (state) => sent.push(state),
    now: () => clock,
    setTimer: (callback, ms) => timers.setTimeout(callback, ms),
    clearTimer: (handle) => timers.clearTimeout(handle),
    repeatMs: 3000,
    idleMs: 4000,
  });
  return { signal, sent, timers, advance: (ms: number) => (clock += ms) };
}

describe("TypingSignal", () => {
  it("starts on the first keystroke and repeats at most every 3 s while typing", () => {
    const { signal, sent, advance } = setup();
    signal.input();
    advance(1000);
    signal.input();
    advance(1999);
    signal.input();
    expect(sent).toEqual(["start"]);
    advance(1);
    signal.input();
    expect(sent).toEqual(["start", "start"]);
  });

  it("stops after 4 s without a keystroke, once", () => {
    const { signal, sent, timers } = setup();
    signal.input();
    signal.input();
    expect([...timers.timeouts.values()].map((t) => t.ms)).toEqual([4000]);
    timers.runTimeouts();
    expect(sent).toEqual(["start", "stop"]);
    signal.stop();
    expect(sent).toEqual(["start", "stop"]);
  });

  it("stops when sent, and starts afresh on the next keystroke", () => {
    const { signal, sent, timers } = setup();
    signal.input();
    signal.stop();
    expect(timers.timeouts.size).toBe(0);
    signal.input();
    expect(sent).toEqual(["start", "stop", "start"]);
  });

  it("sends nothing on stop when it never started", () => {
    const { signal, sent } = setup();
    signal.stop();
    expect(sent).toEqual([]);
  });
});
