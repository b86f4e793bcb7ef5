import { fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { fakeServer, json, renderWithApi } from "../settings/testServer";
import type { ReplyTextKey } from "./replyTexts";
import { ReplyTextsCard } from "./ReplyTextsCard";
import { REPLY_TEXTS } from "./testFixtures";

function Harness({ canEdit }: { canEdit: boolean }) {
  const [listing, setListing] = useState<ReplyTextKey[]>(REPLY_TEXTS);
  return <ReplyTextsCard listing={listing} canEdit={canEdit} onChange={(update) => setListing(update)} />;
}

const row = (key: string) => screen.getByRole("heading", { name: key }).closest(".Polaris-Box") as HTMLElement;

describe("ReplyTextsCard", () => {
  it("lists one language's texts by group, the shop's wording first in place of the default", () => {
    fakeServer({});
    renderWithApi(<Harness canEdit />);

    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Greeting and business hours",
      "The bot's own messages",
      "Order status answers",
    ]);
    const greeting = row("hours.greeting");
    expect(within(greeting).getByText("Your wording")).toBeDefined();
    expect(within(greeting).getByText("Welcome to {shop_name}! Ask us anything.")).toBeDefined();
    expect(
      within(greeting).getByText("Default: Hi there, welcome to {shop_name}! How can we help you today?"),
    ).toBeDefined();
    expect(within(greeting).getByText("Changed Feb 1, 2026, 11:00 AM")).toBeDefined();
    expect(within(row("bot.handoff")).getByText("Default")).toBeDefined();
    expect(screen.getByLabelText("Only show my wording (1)")).toBeDefined();
  });

  it("switches language and filters to the shop's wording", () => {
    fakeServer({});
    renderWithApi(<Harness canEdit />);

    fireEvent.click(screen.getByLabelText("Only show my wording (1)"));
    expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["hours.greeting"]);

    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "de" } });
    expect(screen.getByText("No texts reworded in this language yet.")).toBeDefined();
    fireEvent.click(screen.getByLabelText("Only show my wording (0)"));
    expect(screen.getByText("Hallo und willkommen bei {shop_name}! Wie können wir helfen?")).toBeDefined();
  });

  it("resets the shop's wording to the default with DELETE", async () => {
    const api = fakeServer({ "DELETE /api/admin/reply-texts/hours.greeting/en": () => json(null, 204) });
    renderWithApi(<Harness canEdit />);

    fireEvent.click(screen.getByRole("button", { name: "Reset hours.greeting to default" }));

    expect(await within(row("hours.greeting")).findByText("Default")).toBeDefined();
    expect(within(row("hours.greeting")).getByText("Hi there, welcome to {shop_name}! How can we help you today?")).toBeDefined();
    expect(api.calls().map((call) => [call.method, call.path])).toEqual([
      ["DELETE", "/api/admin/reply-texts/hours.greeting/en"],
    ]);
  });

  it("shows a refused reset's reason and keeps the wording", async () => {
    fakeServer({
      "DELETE /api/admin/reply-texts/hours.greeting/en": () =>
        json({ detail: "only the shop's owner and admins can change the bot's texts", code: "permission_denied" }, 403),
    });
    renderWithApi(<Harness canEdit />);

    fireEvent.click(screen.getByRole("button", { name: "Reset hours.greeting to default" }));

    expect(await screen.findByText("only the shop's owner and admins can change the bot's texts")).toBeDefined();
    expect(within(row("hours.greeting")).getByText("Your wording")).toBeDefined();
  });

  it("opens the editor for one text", async () => {
    fakeServer({
      "POST /api/admin/reply-texts/bot.handoff/en/preview": (call) => json({ text: (call.body as { body: string }).body }),
    });
    renderWithApi(<Harness canEdit />);

    fireEvent.click(screen.getByRole("button", { name: "Edit bot.handoff" }));
    expect(
      (screen.getByLabelText("Wording of bot.handoff in English") as HTMLTextAreaElement).value,
    ).toBe("Thanks for your message. I've passed it to our team.");
    const preview = screen.getByRole("region", { name: "Preview" });
    expect(await within(preview).findByText("Thanks for your message. I've passed it to our team.")).toBeDefined();
  });

  it("offers no edit or reset to an agent", () => {
    fakeServer({});
    renderWithApi(<Harness canEdit={false} />);
    expect(screen.queryByRole("button", { name: "Edit bot.handoff" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Reset hours.greeting to default" })).toBeNull();
  });
});
