import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { TranslationCard, translationBody, type TranslationSettings } from "./TranslationCard";
import { TRANSLATION } from "./testFixtures";
import { fakeServer, json, renderWithApi } from "./testServer";

function renderCard(settings: TranslationSettings = TRANSLATION, canEdit = true) {
  const onSaved = vi.fn();
  renderWithApi(<TranslationCard settings={settings} canEdit={canEdit} onSaved={onSaved} />);
  return onSaved;
}

describe("translationBody", () => {
  const draft = { provider: "deepl", switchedOn: true, agentLanguage: "en", apiKey: "" };

  it("is empty when nothing changed; a blank key keeps the saved one", () => {
    expect(translationBody(draft, TRANSLATION)).toEqual({});
  });

  it("sends changed fields and a typed key, trimmed", () => {
    expect(
      translationBody({ provider: "google", switchedOn: false, agentLanguage: " zh-CN ", apiKey: " k-123 " }, TRANSLATION),
    ).toEqual({ provider: "google", enabled: false, agent_language: "zh-CN", api_key: "k-123" });
  });
});

describe("TranslationCard", () => {
  it("says whether a key is saved, never showing it", () => {
    fakeServer({});
    renderCard();
    expect(screen.getByText("On")).toBeDefined();
    expect(screen.getByText("An API key is saved. It is never shown again.")).toBeDefined();
    expect((screen.getByLabelText("Replace the API key") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Replace the API key") as HTMLInputElement).type).toBe("password");
  });

  it("saves a new key and provider, then clears the key field", async () => {
    const saved = { ...TRANSLATION, provider: "google" as const };
    const api = fakeServer({ "PUT /api/admin/settings/translation": () => json(saved) });
    const onSaved = renderCard();

    fireEvent.change(screen.getByLabelText("Provider"), { target: { value: "google" } });
    fireEvent.change(screen.getByLabelText("Replace the API key"), { target: { value: "g-secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Save translation settings" }));

    expect(await screen.findByText("Saved.")).toBeDefined();
    expect(api.calls().map((call) => [call.method, call.path, call.body])).toEqual([
      ["PUT", "/api/admin/settings/translation", { provider: "google", api_key: "g-secret" }],
    ]);
    expect((screen.getByLabelText("Replace the API key") as HTMLInputElement).value).toBe("");
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it("removes the saved key with an empty one", async () => {
    const api = fakeServer({
      "PUT /api/admin/settings/translation": () => json({ ...TRANSLATION, key_set: false, enabled: false, reason: "no_key" }),
    });
    renderCard();

    fireEvent.click(screen.getByRole("button", { name: "Remove the saved key" }));

    expect(await screen.findByText("The API key was removed.")).toBeDefined();
    expect(api.calls().map((call) => call.body)).toEqual([{ api_key: "" }]);
  });

  it("explains why translation is off", () => {
    fakeServer({});
    renderCard({ ...TRANSLATION, provider: "", enabled: false, key_set: false, reason: "no_provider" });
    expect(screen.getByText("Off")).toBeDefined();
    expect(screen.getByText("Translation is off: choose a provider.")).toBeDefined();
    expect(screen.getByText("No API key is saved.")).toBeDefined();
  });

  it("shows the server's field error and changes nothing", async () => {
    fakeServer({
      "PUT /api/admin/settings/translation": () =>
        json(
          { detail: "invalid input", code: "invalid_input", fields: { agent_language: ["This value does not match the required pattern."] } },
          400,
        ),
    });
    const onSaved = renderCard();

    fireEvent.change(screen.getByLabelText("Your team's language"), { target: { value: "english!" } });
    fireEvent.click(screen.getByRole("button", { name: "Save translation settings" }));

    expect(await screen.findByText("This value does not match the required pattern.")).toBeDefined();
    expect(within(screen.getByRole("alert")).getByText("Some fields are not valid; see the fields.")).toBeDefined();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("is read-only without the right: no key field, no buttons", () => {
    fakeServer({});
    renderCard(TRANSLATION, false);
    expect(screen.queryByLabelText("Replace the API key")).toBeNull();
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect((screen.getByLabelText("Provider") as HTMLSelectElement).disabled).toBe(true);
  });
});
