import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeServer, json, renderWithApi } from "../settings/testServer";
import { FaqList } from "./FaqList";
import { GIFT_WRAP, SHIPPING } from "./testFixtures";

function renderList(canEdit = true) {
  const onEdit = vi.fn();
  const onDeleted = vi.fn();
  renderWithApi(<FaqList entries={[SHIPPING, GIFT_WRAP]} canEdit={canEdit} onEdit={onEdit} onDeleted={onDeleted} />);
  return { onEdit, onDeleted };
}

describe("FaqList", () => {
  it("shows each entry's questions, answer, language and switch", () => {
    fakeServer({});
    renderList();

    expect(screen.getByRole("heading", { name: "Do you ship to Canada?" })).toBeDefined();
    expect(screen.getByText("Also asked: shipping to canada")).toBeDefined();
    expect(screen.getByText("English")).toBeDefined();
    expect(screen.getByText("Any language")).toBeDefined();
    expect(screen.getByText("Off")).toBeDefined();
    expect(screen.getByText("Yes, choose gift wrap at checkout.")).toBeDefined();
  });

  it("deletes after a confirmation, on the entry's id", async () => {
    const api = fakeServer({ "DELETE /api/admin/faq/9007199254740995": () => json(null, 204) });
    const { onDeleted } = renderList();

    fireEvent.click(screen.getByRole("button", { name: "Delete “Do you offer gift wrapping?”" }));
    expect(api.calls()).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Delete entry" }));

    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(api.calls().map((call) => [call.method, call.path])).toEqual([["DELETE", "/api/admin/faq/9007199254740995"]]);
  });

  it("sends nothing when the deletion is cancelled", () => {
    const api = fakeServer({});
    const { onDeleted } = renderList();

    fireEvent.click(screen.getByRole("button", { name: "Delete “Do you ship to Canada?”" }));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));

    expect(screen.queryByRole("button", { name: "Delete entry" })).toBeNull();
    expect(api.calls()).toEqual([]);
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it("shows a refused deletion's reason and keeps the entry", async () => {
    fakeServer({
      "DELETE /api/admin/faq/9007199254740993": () =>
        json({ detail: "only the shop's owner and admins can change the FAQ", code: "permission_denied" }, 403),
    });
    const { onDeleted } = renderList();

    fireEvent.click(screen.getByRole("button", { name: "Delete “Do you ship to Canada?”" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete entry" }));

    expect(await screen.findByText("only the shop's owner and admins can change the FAQ")).toBeDefined();
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it("offers Edit, and nothing to change without the right", () => {
    fakeServer({});
    const { onEdit } = renderList();
    fireEvent.click(screen.getByRole("button", { name: "Edit “Do you ship to Canada?”" }));
    expect(onEdit).toHaveBeenCalledWith(SHIPPING);
  });

  it("has no buttons for an agent", () => {
    fakeServer({});
    renderList(false);
    expect(screen.queryAllByRole("button")).toEqual([]);
  });
});
