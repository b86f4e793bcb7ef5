import { describe, expect, it } from "vitest";
import { ManualTimers } from "../testing/fakes";
import { TypingNotifier, type TypingState } from "./typing";

function notifier() {
  const timers = new ManualTimers();
  const sent: TypingState[] = [];
  const typing = new TypingNotifier((state) => sent.push(state), timers, () => timers.now);
  return { timers, sent, typing };
}

describe("TypingNotifier", () => {
  it("sends start once, repeats it every 3 s while typing, and stop after a 3 s pause", () => {
    const { timers, sent, typing } = notifier();
    typing.input(true);
    timers.advance(1000);
    typing.input(true);
    expect(sent).toEqual(["start"]);
    timers.advance(2000);
    typing.input(true);
    expect(sent).toEqual(["start", "start"]);
    timers.advance(3000);
    expect(sent).toEqual(["start", "start", "stop"]);
  });

  it("sends stop when the box is emptied or the message sent, and nothing when not typing", () => {
    const { sent, typing } = notifier();
    typing.stop();
    expect(sent).toEqual([]);
    typing.input(true);
    typing.input(false);
    expect(sent).toEqual(["start", "stop"]);
    typing.stop();
    expect(sent).toEqual(["start", "stop"]);
  });
});
