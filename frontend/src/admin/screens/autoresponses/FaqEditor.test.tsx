import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, json, renderWithApi } from "../settings/testServer";
import { FaqEditor } from "./FaqEditor";
import { SHIPPING } from "./testFixtures";

function renderEditor(entry = SHIPPING as typeof SHIPPING | null) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  renderWithApi(<FaqEditor entry={entry} onSaved={onSaved} onCancel={onCancel} />);
  return { onSaved, onCancel };
}

describe("FaqEditor", () => {
  it("creates an entry with the exact body: blank ways to ask left out, spaces collapsed", async () => {
    const created = { ...SHIPPING, id: "9007199254740997", questions: ["Gift wrap?", "Can you wrap it"] };
    const api = fakeServer({ "POST /api/admin/faq": () => json(created, 201) });
    const { onSaved } = renderEditor(null);

    fireEvent.change(screen.getByLabelText("Way to ask 1"), { target: { value: " Gift  wrap? " } });
    fireEvent.click(screen.getByRole("button", { name: "Add another way to ask" }));
    fireEvent.click(screen.getByRole("button", { name: "Add another way to ask" }));
    fireEvent.change(screen.getByLabelText("Way to ask 3"), { target: { value: "Can you wrap it" } });
    fireEvent.change(screen.getByLabelText("Answer"), { target: { value: "Yes, at checkout.\n" } });
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "de" } });
    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(created));
    expect(api.calls().map((call) => [call.method, call.path, call.body])).toEqual([
      [
        "POST",
        "/api/admin/faq",
        { questions: ["Gift wrap?", "Can you wrap it"], answer: "Yes, at checkout.", language: "de", enabled: true },
      ],
    ]);
  });

  it("replaces an existing entry with PUT on its id", async () => {
    const api = fakeServer({ "PUT /api/admin/faq/9007199254740993": (call) => json({ ...SHIPPING, ...(call.body as object) }) });
    const { onSaved } = renderEditor();

    fireEvent.click(screen.getByRole("button", { name: "Remove way to ask 2" }));
    fireEvent.click(screen.getByLabelText("The bot may answer with this entry"));
    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(api.calls().map((call) => [call.method, call.path, call.body])).toEqual([
      [
        "PUT",
        "/api/admin/faq/9007199254740993",
        { questions: ["Do you ship to Canada?"], answer: SHIPPING.answer, language: "en", enabled: false },
      ],
    ]);
  });

  it("checks the draft first and sends nothing while it is wrong", () => {
    const api = fakeServer({});
    const { onSaved } = renderEditor();

    fireEvent.change(screen.getByLabelText("Way to ask 2"), { target: { value: "DO YOU SHIP TO CANADA?" } });
    fireEvent.change(screen.getByLabelText("Answer"), { target: { value: "  " } });
    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    expect(screen.getByText("This way to ask is already listed.")).toBeDefined();
    expect(screen.getByText("Write the answer.")).toBeDefined();
    expect(api.calls()).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("shows the server's refusal with its reason and keeps the draft", async () => {
    const api = fakeServer({
      "PUT /api/admin/faq/9007199254740993": () =>
        json({ detail: "refused: question_without_words", code: "question_without_words" }, 400),
    });
    const { onSaved } = renderEditor();

    fireEvent.change(screen.getByLabelText("Way to ask 2"), { target: { value: "???" } });
    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("The entry was not saved")).toBeDefined();
    expect(
      within(banner).getByText(
        "One way to ask has no words the bot can match (only numbers, symbols or very common words).",
      ),
    ).toBeDefined();
    expect((screen.getByLabelText("Way to ask 2") as HTMLInputElement).value).toBe("???");
    expect(onSaved).not.toHaveBeenCalled();
    expect(api.calls()).toHaveLength(1);
  });

  it("shows the server's field errors at their fields", async () => {
    fakeServer({
      "PUT /api/admin/faq/9007199254740993": () =>
        json(
          {
            detail: "invalid input",
            code: "invalid_input",
            fields: { questions: { "1": ["Ensure this field has no more than 300 characters."] } },
          },
          400,
        ),
    });
    renderEditor();

    fireEvent.click(screen.getByRole("button", { name: "Save entry" }));

    expect(await screen.findByText("Ensure this field has no more than 300 characters.")).toBeDefined();
    expect(screen.getByText("Some fields are not valid; see the fields.")).toBeDefined();
  });

  it("cancels without sending anything", () => {
    const api = fakeServer({});
    const { onCancel } = renderEditor();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(api.calls()).toEqual([]);
  });
});
