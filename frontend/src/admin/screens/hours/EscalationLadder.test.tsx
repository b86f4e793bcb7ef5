import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeServer, renderWithApi } from "../settings/testServer";
import { EscalationLadder } from "./EscalationLadder";

describe("EscalationLadder", () => {
  it("lists the four steps for a target, in order", () => {
    fakeServer({});
    renderWithApi(<EscalationLadder targetMinutes={240} />);
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "At the deadline: notify the assigned agent",
      "1 h later: notify the supervisors",
      "2 h later: reassign to an agent who is online",
      "4 h later: raise the conversation's priority",
    ]);
  });

  it("speaks Chinese, and shows nothing without a valid target", () => {
    fakeServer({});
    const { container } = renderWithApi(<EscalationLadder targetMinutes={null} />);
    expect(container.textContent).toBe("");
    renderWithApi(<EscalationLadder targetMinutes={90} />, { locale: "zh-CN" });
    expect(screen.getByText("23 分钟后：通知主管")).toBeDefined();
  });
});
