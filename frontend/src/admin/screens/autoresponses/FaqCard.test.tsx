import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { fakeServer, renderWithApi } from "../settings/testServer";
import { FaqCard } from "./FaqCard";
import type { FaqEntry } from "./faqForm";
import { SHIPPING } from "./testFixtures";

function Harness({ canEdit }: { canEdit: boolean }) {
  const [entries, setEntries] = useState<FaqEntry[]>([SHIPPING]);
  return <FaqCard entries={entries} canEdit={canEdit} onChange={(update) => setEntries(update)} />;
}

describe("FaqCard", () => {
  it("opens one editor at a time and closes it on cancel, sending nothing", () => {
    const api = fakeServer({});
    renderWithApi(<Harness canEdit />);

    fireEvent.click(screen.getByRole("button", { name: "Add entry" }));
    expect(screen.getByRole("heading", { name: "New FAQ entry" })).toBeDefined();
    expect(screen.queryByRole("button", { name: "Add entry" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: "New FAQ entry" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Edit “Do you ship to Canada?”" }));
    expect(screen.getByRole("heading", { name: "Edit FAQ entry" })).toBeDefined();
    expect((screen.getByLabelText("Way to ask 2") as HTMLInputElement).value).toBe("shipping to canada");
    expect(api.calls()).toEqual([]);
  });

  it("shows the read-only note and no add button without the right", () => {
    fakeServer({});
    renderWithApi(<Harness canEdit={false} />);
    expect(screen.getByText("Only the shop's owner and admins can change the FAQ and the bot's replies.")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Add entry" })).toBeNull();
  });
});
