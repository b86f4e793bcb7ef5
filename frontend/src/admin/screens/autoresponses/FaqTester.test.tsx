import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeServer, json, renderWithApi } from "../settings/testServer";
import type { FaqTestResult } from "./faqForm";
import { FaqTester } from "./FaqTester";
import { ANSWERED } from "./testFixtures";

function ask(message: string) {
  fireEvent.change(screen.getByLabelText("A shopper's message"), { target: { value: message } });
  fireEvent.click(screen.getByRole("button", { name: "Test" }));
}

describe("FaqTester", () => {
  it("shows the entry that would answer, how sure the bot is, and the reply", async () => {
    const api = fakeServer({ "POST /api/admin/faq/test": ANSWERED });
    renderWithApi(<FaqTester />);

    ask("  do you ship to canada?  ");

    expect(
      await screen.findByText(
        "The bot would answer with “Do you ship to Canada?”: 86% sure, 66 points ahead of the next entry.",
      ),
    ).toBeDefined();
    expect(screen.getByText("Yes, we ship to Canada in 5-8 business days.")).toBeDefined();
    expect(screen.getByText("Read as English. Recognised topic: shipping_info.")).toBeDefined();
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "“Do you ship to Canada?”: 86%",
      "“Do you offer gift wrapping?”: 20%",
    ]);
    expect(api.calls().map((call) => [call.method, call.path, call.body])).toEqual([
      ["POST", "/api/admin/faq/test", { text: "do you ship to canada?", language: null }],
    ]);
  });

  it("sends the chosen language, and explains a hand-off when entries are too close", async () => {
    const ambiguous: FaqTestResult = { ...ANSWERED, outcome: "ambiguous", match: null, intent: null, language: "de" };
    const api = fakeServer({ "POST /api/admin/faq/test": ambiguous });
    renderWithApi(<FaqTester />);

    fireEvent.change(screen.getByLabelText("Read the message as"), { target: { value: "de" } });
    ask("Versand nach Kanada?");

    expect(
      await screen.findByText(
        "Several entries fit about equally well (less than 15 points apart), so the bot would hand the conversation to your team.",
      ),
    ).toBeDefined();
    expect(screen.getByText("Read as German.")).toBeDefined();
    expect(api.calls()[0]!.body).toEqual({ text: "Versand nach Kanada?", language: "de" });
  });

  it("explains no match and no entries", async () => {
    const api = fakeServer({
      "POST /api/admin/faq/test": { ...ANSWERED, outcome: "no_match", match: null, candidates: [ANSWERED.candidates[1]!] },
    });
    renderWithApi(<FaqTester />);
    ask("Where is the nearest store?");
    expect(
      await screen.findByText(
        "No entry fits well enough (best 20%, 70% needed), so the bot would hand the conversation to your team.",
      ),
    ).toBeDefined();

    api.answer("POST /api/admin/faq/test", { ...ANSWERED, outcome: "no_entries", match: null, candidates: [], language: "fr" });
    ask("Livrez-vous au Canada ?");
    expect(
      await screen.findByText("There is no enabled entry for French, so the bot would hand the conversation to your team."),
    ).toBeDefined();
  });

  it("asks for a message before testing, and sends nothing", () => {
    const api = fakeServer({});
    renderWithApi(<FaqTester />);

    ask("   ");

    expect(screen.getByText("Type a message to test.")).toBeDefined();
    expect(api.calls()).toEqual([]);
  });

  it("shows the server's reason when the test fails", async () => {
    fakeServer({ "POST /api/admin/faq/test": () => json({ detail: "Request was throttled.", code: "throttled" }, 429) });
    renderWithApi(<FaqTester />);

    ask("Hello?");

    expect(await screen.findByText("Request was throttled.")).toBeDefined();
    expect(screen.getByText("The test did not run")).toBeDefined();
    expect(screen.queryByRole("listitem")).toBeNull();
  });
});
