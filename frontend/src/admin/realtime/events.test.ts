import { describe, expect, it } from "vitest";
import { parseFrame } from "./events";

describe("parseFrame", () => {
  it("returns a known event with its payload, ids kept as strings", () => {
    expect(parseFrame('{"event":"conversation.read","payload":{"conversation_id":"9007199254740993","side":"shopper","read_id":"12"}}')).toEqual({
      event: "conversation.read",
      payload: { conversation_id: "9007199254740993", side: "shopper", read_id: "12" },
    });
  });

  it.each([
    ['{"event":"pong"}'],
    ['{"event":"bogus","payload":{}}'],
    ['{"event":"typing","payload":[1]}'],
    ['{"event":"typing","payload":null}'],
    ["[1,2]"],
    ["not json"],
  ])("ignores %s", (text) => {
    expect(parseFrame(text)).toBeNull();
  });

  it("ignores binary frames", () => {
    expect(parseFrame(new ArrayBuffer(2))).toBeNull();
  });
});
