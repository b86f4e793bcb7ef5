import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, renderWithServer, type Reply } from "../panel/testServer";
import TemplatePicker from "./TemplatePicker";
import type { OfferedTemplate } from "./templates";

const CONVERSATION = "9007199254740995";
const LIST = `/api/admin/templates?conversation=${CONVERSATION}`;
const preview = (id: string) => `/api/admin/conversations/${CONVERSATION}/templates/${id}/preview`;

function template(overrides: Partial<OfferedTemplate>): OfferedTemplate {
  return {
    id: "41",
    name: "Late parcel",
    category: "shipping",
    needs_approval: false,
    variants: { en: "Hi {{customer.first_name}}, your parcel {{tracking.number}} is on its way." },
    variables: ["customer.first_name", "tracking.number"],
    language: "en",
    offered: true,
    missing: [],
    unavailable: [],
    can_send: true,
    ...overrides,
  };
}

const LATE = template({});
const GOODWILL = template({
  id: "42",
  name: "Goodwill credit",
  category: "",
  needs_approval: true,
  variants: { en: "We added {{credit.offered}} to your account." },
  variables: ["credit.offered"],
  missing: ["credit.offered"],
  can_send: false,
});
const NO_TRACKING = template({ id: "43", name: "Tracking link", offered: false, unavailable: ["tracking.url"] });

function open(routes: Record<string, Reply | Reply[]>, role = "agent") {
  const onInsert = vi.fn();
  const server = renderWithServer(<TemplatePicker conversationId={CONVERSATION} onInsert={onInsert} />, {
    routes: { [`GET ${LIST}`]: json({ results: [LATE, GOODWILL, NO_TRACKING] }), ...routes },
    role,
  });
  return { ...server, onInsert };
}

/** Polaris marks a disabled button with aria-disabled (and ignores its clicks). */
function disabledIs(expected: boolean) {
  return (button: HTMLElement) => (button.getAttribute("aria-disabled") === "true") === expected;
}

function row(name: string): HTMLElement {
  return screen.getByText(name).closest("li") as HTMLElement;
}

describe("TemplatePicker", () => {
  it("lists the templates offered here; approval ones only for supervisors and above", async () => {
    const { lines } = open({});

    const list = await screen.findByRole("list", { name: "Templates" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    const button = (name: string) => within(row(name)).getByRole("button", { name: `Preview ${name}` });
    expect(button("Late parcel")).toSatisfy(disabledIs(false));
    expect(within(row("Goodwill credit")).getByText("Needs approval")).toBeDefined();
    expect(within(row("Goodwill credit")).getByText("Only supervisors and above can use this template.")).toBeDefined();
    expect(button("Goodwill credit")).toSatisfy(disabledIs(true));
    expect(within(row("Tracking link")).getByText("Cannot be filled in this conversation: tracking.url")).toBeDefined();
    expect(button("Tracking link")).toSatisfy(disabledIs(true));
    expect(lines()).toEqual([`GET ${LIST}`]);
  });

  it("lets a supervisor use a template that needs approval", async () => {
    open({ [`GET ${LIST}`]: json({ results: [{ ...GOODWILL, can_send: true }] }) }, "supervisor");
    const button = await screen.findByRole("button", { name: "Preview Goodwill credit" });
    expect(button).toSatisfy(disabledIs(false));
  });

  it("searches with the words typed", async () => {
    const { lines } = open({ [`GET ${LIST}&q=late+parcel`]: json({ results: [] }) });
    await screen.findByRole("list", { name: "Templates" });

    fireEvent.change(screen.getByLabelText("Search templates"), { target: { value: " late parcel " } });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByText("No templates match.")).toBeDefined();
    expect(lines()).toEqual([`GET ${LIST}`, `GET ${LIST}&q=late+parcel`]);
  });

  it("previews a template filled for the conversation and inserts its text", async () => {
    const body = "Hi Ana, your parcel JD014600 is on its way.\n<b>Thanks</b>";
    const { calls, lines, onInsert } = open({ [`POST ${preview("41")}`]: json({ language: "en", body }) });
    fireEvent.click(await screen.findByRole("button", { name: "Preview Late parcel" }));

    const section = await screen.findByRole("region", { name: "Preview of Late parcel" });
    expect(await within(section).findByText(/Hi Ana, your parcel JD014600 is on its way\./)).toBeDefined();
    expect(section.querySelector("b")).toBeNull(); // the text is shown as text, never as HTML
    expect(calls[1]?.body).toEqual({ values: {} });

    fireEvent.click(within(section).getByRole("button", { name: "Insert into reply" }));
    expect(onInsert).toHaveBeenCalledWith(body);
    expect(onInsert).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("region", { name: "Preview of Late parcel" })).toBeNull();
    expect(lines()).toEqual([`GET ${LIST}`, `POST ${preview("41")}`]);
  });

  it("asks for the missing values and refuses to insert until they are filled", async () => {
    const missing = json(
      {
        detail: "some variables have no value",
        code: "missing_values",
        reason: "missing_values",
        missing: ["credit.offered"],
      },
      422,
    );
    const { calls, lines, onInsert } = open(
      {
        [`GET ${LIST}`]: json({ results: [{ ...GOODWILL, can_send: true }] }),
        [`POST ${preview("42")}`]: [missing, json({ language: "en", body: "We added €20.00 to your account." })],
      },
      "supervisor",
    );
    fireEvent.click(await screen.findByRole("button", { name: "Preview Goodwill credit" }));

    const section = await screen.findByRole("region", { name: "Preview of Goodwill credit" });
    expect(await within(section).findByText("Fill in these values before inserting")).toBeDefined();
    const insert = within(section).getByRole("button", { name: "Insert into reply" });
    expect(insert).toSatisfy(disabledIs(true));
    fireEvent.click(insert);
    expect(onInsert).not.toHaveBeenCalled();
    expect(lines()).toEqual([`GET ${LIST}`, `POST ${preview("42")}`]);

    fireEvent.change(within(section).getByLabelText("Value of credit.offered"), { target: { value: " 20 " } });
    fireEvent.click(within(section).getByRole("button", { name: "Update preview" }));

    expect(await within(section).findByText("We added €20.00 to your account.")).toBeDefined();
    expect(calls.map((call) => call.body)).toEqual([undefined, { values: {} }, { values: { "credit.offered": "20" } }]);
    fireEvent.click(within(section).getByRole("button", { name: "Insert into reply" }));
    expect(onInsert).toHaveBeenCalledWith("We added €20.00 to your account.");
  });

  it("shows a preview that failed with its reason and nothing to insert", async () => {
    const { onInsert } = open({
      [`POST ${preview("41")}`]: json({ detail: "no such variant", code: "no_variant" }, 400),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Preview Late parcel" }));

    const section = await screen.findByRole("region", { name: "Preview of Late parcel" });
    expect(await within(section).findByText("no such variant")).toBeDefined();
    expect(within(section).getByText("Could not preview this template")).toBeDefined();
    expect(within(section).getByRole("button", { name: "Insert into reply" })).toSatisfy(disabledIs(true));
    expect(onInsert).not.toHaveBeenCalled();
  });

  it("speaks Simplified Chinese", async () => {
    renderWithServer(<TemplatePicker conversationId={CONVERSATION} onInsert={vi.fn()} />, {
      routes: { [`GET ${LIST}`]: json({ results: [GOODWILL] }) },
      locale: "zh-CN",
    });
    expect(await screen.findByText("只有主管及以上角色可以使用此模板。")).toBeDefined();
    expect(screen.getByLabelText("搜索模板")).toBeDefined();
  });
});
