import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeServer, json, renderScreen, type Answer } from "../settings/testServer";
import { GIFT_WRAP, REPLY_TEXTS, SHIPPING } from "./testFixtures";

function server(role = "owner", extra: Record<string, Answer> = {}) {
  return fakeServer({ "GET /api/admin/faq": [SHIPPING], "GET /api/admin/reply-texts": REPLY_TEXTS, ...extra }, role);
}

describe("AutoResponsesScreen", () => {
  it("loads the FAQ and the bot's replies", async () => {
    const api = server();
    renderScreen("/auto-responses");

    expect(await screen.findByRole("heading", { name: "Auto-responses and FAQ", level: 1 })).toBeDefined();
    expect(await screen.findByRole("heading", { name: "Do you ship to Canada?" })).toBeDefined();
    expect(await screen.findByRole("heading", { name: "hours.greeting" })).toBeDefined();
    expect(screen.getByRole("heading", { name: "Test a question" })).toBeDefined();
    expect(api.calls().map((call) => `${call.method} ${call.path}`)).toEqual([
      "GET /api/admin/faq",
      "GET /api/admin/reply-texts",
    ]);
  });

  it("adds an entry: it appears in the list with a notice", async () => {
    const api = server("owner", { "POST /api/admin/faq": () => json(GIFT_WRAP, 201) });
    renderScreen("/auto-responses");

    fireEvent.click(await screen.findByRole("button", { name: "Add entry" }));
    fireEvent.change(screen.getByLabelText("Way to ask 1"), { target: { value: "Do you offer gift wrapping?" } });
    fireEvent.change(screen.getByLabelText("Answer"), { target: { value: "Yes, choose gift wrap at checkout." } });
    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    expect(await screen.findByText("Entry added.")).toBeDefined();
    expect(screen.getByRole("heading", { name: "Do you offer gift wrapping?" })).toBeDefined();
    expect(screen.queryByLabelText("Way to ask 1")).toBeNull();
    expect(api.writes().map((call) => [call.method, call.path, call.body])).toEqual([
      [
        "POST",
        "/api/admin/faq",
        { questions: ["Do you offer gift wrapping?"], answer: "Yes, choose gift wrap at checkout.", language: "", enabled: true },
      ],
    ]);
  });

  it("edits an entry in place", async () => {
    server("owner", {
      "PUT /api/admin/faq/9007199254740993": (call) => json({ ...SHIPPING, ...(call.body as object) }),
    });
    renderScreen("/auto-responses");

    fireEvent.click(await screen.findByRole("button", { name: "Edit “Do you ship to Canada?”" }));
    fireEvent.change(screen.getByLabelText("Answer"), { target: { value: "Yes, in about a week." } });
    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    expect(await screen.findByText("Entry updated.")).toBeDefined();
    expect(screen.getByText("Yes, in about a week.")).toBeDefined();
    expect(screen.queryByText(SHIPPING.answer)).toBeNull();
  });

  it("removes a deleted entry from the list", async () => {
    server("owner", { "DELETE /api/admin/faq/9007199254740993": () => json(null, 204) });
    renderScreen("/auto-responses");

    fireEvent.click(await screen.findByRole("button", { name: "Delete “Do you ship to Canada?”" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete entry" }));

    expect(await screen.findByText("Entry deleted.")).toBeDefined();
    expect(screen.queryByRole("heading", { name: "Do you ship to Canada?" })).toBeNull();
    expect(screen.getByText(/No FAQ entries yet/)).toBeDefined();
  });

  it("lets an agent read and test, not change", async () => {
    const api = server("agent");
    renderScreen("/auto-responses");

    expect(await screen.findByRole("heading", { name: "Do you ship to Canada?" })).toBeDefined();
    expect(
      screen.getByText("Only the shop's owner and admins can change the FAQ and the bot's replies."),
    ).toBeDefined();
    expect(screen.queryByRole("button", { name: "Add entry" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Edit “Do you ship to Canada?”" })).toBeNull();
    expect(await screen.findByRole("heading", { name: "hours.greeting" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Edit hours.greeting" })).toBeNull();
    expect(screen.getByRole("button", { name: "Test" })).toBeDefined();
    expect(api.writes()).toEqual([]);
  });

  it("shows a load error with the reason, the rest of the screen still there", async () => {
    server("owner", { "GET /api/admin/faq": () => json({ detail: "Database unavailable.", code: "error" }, 503) });
    renderScreen("/auto-responses");

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Database unavailable.")).toBeDefined();
    expect(await screen.findByRole("heading", { name: "hours.greeting" })).toBeDefined();
  });

  it("speaks Chinese", async () => {
    server();
    renderScreen("/auto-responses", "zh-CN");
    expect(await screen.findByRole("heading", { name: "自动回复与常见问题", level: 1 })).toBeDefined();
    expect(await screen.findByRole("button", { name: "添加条目" })).toBeDefined();
    expect(screen.getByText("其他说法：shipping to canada")).toBeDefined();
  });
});
