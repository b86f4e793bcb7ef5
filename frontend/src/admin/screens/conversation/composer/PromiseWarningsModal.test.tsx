import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithServer } from "../panel/testServer";
import PromiseWarningsModal from "./PromiseWarningsModal";

const WARNINGS = [
  { code: "refund", phrase: "full refund" },
  { code: "free_replacement", phrase: "<i>send you a new one</i> free of charge" },
  { code: "something_new", phrase: "we promise" },
];

function open(locale = "en") {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  const server = renderWithServer(
    <PromiseWarningsModal warnings={WARNINGS} onConfirm={onConfirm} onCancel={onCancel} />,
    { locale },
  );
  return { ...server, onConfirm, onCancel };
}

describe("PromiseWarningsModal", () => {
  it("lists each warning with the words that promised it, as text", () => {
    const { calls } = open();

    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText("This reply promises what your store's policy does not allow")).toBeDefined();
    expect(within(dialog).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Refund: “full refund”",
      "Free replacement: “<i>send you a new one</i> free of charge”",
      "something_new: “we promise”",
    ]);
    expect(dialog.querySelector("i")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("sends anyway only when confirmed (a destructive action)", () => {
    const { onConfirm, onCancel } = open();
    const send = within(screen.getByRole("dialog")).getByRole("button", { name: "Send anyway" });
    expect(send.className).toMatch(/critical/i);
    fireEvent.click(send);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it("goes back to the reply with Edit reply or Close", () => {
    const { onConfirm, onCancel } = open();
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Edit reply" }));
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Close" }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("speaks Simplified Chinese", () => {
    open("zh-CN");
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByRole("button", { name: "仍然发送" })).toBeDefined();
    expect(within(dialog).getByRole("button", { name: "修改回复" })).toBeDefined();
    expect(within(dialog).getAllByRole("listitem")[0]?.textContent).toBe("退款：“full refund”");
  });
});
