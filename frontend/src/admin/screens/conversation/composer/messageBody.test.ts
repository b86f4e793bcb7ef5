import { describe, expect, it } from "vitest";
import { canSend, confirmed, messageBody, newClientId } from "./messageBody";

describe("messageBody", () => {
  it("trims the text and keeps ids as strings", () => {
    expect(
      messageBody({ text: "  Your parcel left today.\n", clientId: "c-1", internal: false, attachmentIds: ["9007199254740993"] }),
    ).toEqual({ body: "Your parcel left today.", client_id: "c-1", internal: false, attachment_ids: ["9007199254740993"] });
  });

  it("adds the confirmation only when confirmed", () => {
    const body = messageBody({ text: "Full refund today", clientId: "c-2", internal: false, attachmentIds: [] });
    expect(body).not.toHaveProperty("confirm_promises");
    expect(confirmed(body)).toEqual({ ...body, confirm_promises: true });
  });
});

describe("canSend", () => {
  it("needs text or an attachment", () => {
    expect(canSend("  \n", [])).toBe(false);
    expect(canSend("", ["1"])).toBe(true);
    expect(canSend("hi", [])).toBe(true);
  });
});

describe("newClientId", () => {
  it("is fresh each time", () => {
    const a = newClientId();
    expect(a).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(newClientId()).not.toBe(a);
  });
});
