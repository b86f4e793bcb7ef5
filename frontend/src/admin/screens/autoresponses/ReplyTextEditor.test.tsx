import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, json, renderWithApi, type Call, type FakeServer } from "../settings/testServer";
import { ReplyTextEditor } from "./ReplyTextEditor";
import type { ReplyRow } from "./replyTexts";
import { REPLY_TEXTS } from "./testFixtures";

const OUT_OF_HOURS: ReplyRow = {
  key: "hours.out_of_hours",
  variables: ["opening"],
  text: REPLY_TEXTS[1]!.texts[0]!,
};
const PREVIEW = "/api/admin/reply-texts/hours.out_of_hours/en/preview";

function previewOf(call: Call): Response {
  const body = (call.body as { body: string }).body;
  if (!body.includes("{opening}")) {
    return json({ detail: "refused: missing_variables (opening)", code: "missing_variables" }, 400);
  }
  return json({ text: body.replace("{opening}", "tomorrow at 9:00") });
}

function renderEditor() {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  renderWithApi(<ReplyTextEditor row={OUT_OF_HOURS} language="en" onSaved={onSaved} onCancel={onCancel} />);
  return { onSaved, onCancel };
}

const preview = () => screen.getByRole("region", { name: "Preview" });
/** Saves only: the live preview is a POST too. */
const puts = (api: FakeServer) => api.calls().filter((call) => call.method === "PUT");

describe("ReplyTextEditor", () => {
  it("previews the current wording as a shopper would read it", async () => {
    const api = fakeServer({ [`POST ${PREVIEW}`]: previewOf });
    renderEditor();

    expect(
      await within(preview()).findByText("Thanks for your message! We're away right now. Someone will reply tomorrow at 9:00."),
    ).toBeDefined();
    expect(screen.getByText("Must use: {opening}. Write a literal brace as {{ or }}.")).toBeDefined();
    expect(api.calls().map((call) => [call.method, call.path, call.body])).toEqual([
      ["POST", PREVIEW, { body: "Thanks for your message! We're away right now. Someone will reply {opening}." }],
    ]);
  });

  it("shows a dropped variable while typing, and the server's reason in the preview", async () => {
    fakeServer({ [`POST ${PREVIEW}`]: previewOf });
    renderEditor();

    fireEvent.change(screen.getByLabelText("Wording of hours.out_of_hours in English"), {
      target: { value: "We are away; back {when}." },
    });

    expect(screen.getByText("Missing: {opening}")).toBeDefined();
    expect(screen.getByText("Unknown: {when}")).toBeDefined();
    expect(await within(preview()).findByText("The text must keep these variables: {opening}")).toBeDefined();
  });

  it("saves the wording with PUT and hands back the server's entry", async () => {
    const entry = {
      key: "hours.out_of_hours",
      variables: ["opening"],
      ...OUT_OF_HOURS.text,
      override: "Back {opening}!",
      updated_at: "2026-03-01T12:00:00Z",
      updated_by: "9007199254740993",
    };
    const api = fakeServer({
      [`POST ${PREVIEW}`]: previewOf,
      "PUT /api/admin/reply-texts/hours.out_of_hours/en": () => json(entry),
    });
    const { onSaved } = renderEditor();

    fireEvent.change(screen.getByLabelText("Wording of hours.out_of_hours in English"), {
      target: { value: "Back {opening}!" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save wording" }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(entry));
    expect(puts(api).map((call) => [call.method, call.path, call.body])).toEqual([
      ["PUT", "/api/admin/reply-texts/hours.out_of_hours/en", { body: "Back {opening}!" }],
    ]);
  });

  it("shows a refused money promise with its reason, and hands back nothing", async () => {
    const api = fakeServer({
      [`POST ${PREVIEW}`]: previewOf,
      "PUT /api/admin/reply-texts/hours.out_of_hours/en": () =>
        json({ detail: "refused: promises_money (guarantee, refund)", code: "promises_money" }, 400),
    });
    const { onSaved } = renderEditor();

    fireEvent.change(screen.getByLabelText("Wording of hours.out_of_hours in English"), {
      target: { value: "We guarantee a full refund. Back {opening}." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save wording" }));

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("The wording was not saved")).toBeDefined();
    expect(within(banner).getByText("The bot may not promise this: a guarantee, a refund")).toBeDefined();
    expect(onSaved).not.toHaveBeenCalled();
    expect(puts(api)).toHaveLength(1);
  });

  it("cancels without saving", () => {
    const api = fakeServer({ [`POST ${PREVIEW}`]: previewOf });
    const { onCancel, onSaved } = renderEditor();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSaved).not.toHaveBeenCalled();
    expect(puts(api)).toEqual([]);
  });
});
