import { describe, expect, it, vi } from "vitest";
import { createHub } from "./hub";

describe("createHub", () => {
  it("calls each subscriber of that event only, until it unsubscribes", () => {
    const hub = createHub();
    const typing: unknown[] = [];
    const read: unknown[] = [];
    const off = hub.on("typing", (payload) => typing.push(payload));
    hub.on("conversation.read", (payload) => read.push(payload));

    hub.emit("typing", { state: "start" });
    off();
    hub.emit("typing", { state: "stop" });

    expect(typing).toEqual([{ state: "start" }]);
    expect(read).toEqual([]);
  });

  it("keeps calling the others when one handler throws", () => {
    const hub = createHub();
    const seen: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    hub.on("reconnected", () => {
      throw new Error("broken screen");
    });
    hub.on("reconnected", () => seen.push("second"));

    hub.emit("reconnected", {});

    expect(seen).toEqual(["second"]);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
