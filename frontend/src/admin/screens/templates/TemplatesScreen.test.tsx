import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { json, renderScreen, type Reply } from "../approvals/fakeServer";
import type { Template } from "./types";

// The screen is a lazy chunk: load it once up front (the first test then waits for the API only).
beforeAll(async () => {
  await import("./TemplatesScreen");
});

const VARIABLES = [
  { name: "customer.first_name", type: "text", agent_supplied: false, description: "the shopper's first name" },
  { name: "order.name", type: "text", agent_supplied: false, description: "the order's number" },
  { name: "tracking.url", type: "url", agent_supplied: true, description: "the parcel's tracking page" },
];

function template(overrides: Partial<Template>): Template {
  return {
    id: "9007199254740993",
    name: "Where is my order",
    category: "Shipping",
    needs_approval: false,
    variants: {
      en: "Hi {{customer.first_name}}, order {{order.name}} is on its way.",
      zh: "您好，订单 {{order.name}} 已发出。",
    },
    variables: ["customer.first_name", "order.name"],
    created_by_id: "12",
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    ...overrides,
  };
}

const WISMO = template({});
const REFUND = template({
  id: "9007199254740995",
  name: "Refund policy",
  category: "",
  needs_approval: true,
  variants: { en: "Refunds take 5 days." },
  variables: [],
});

const LIST = "GET /api/admin/templates";
const VARS = "GET /api/admin/templates/variables";

function open(role = "admin", routes: Record<string, Reply | Reply[]> = {}, locale = "en") {
  return renderScreen({
    path: "/templates",
    role,
    locale,
    routes: { [LIST]: json({ results: [WISMO, REFUND] }), [VARS]: json(VARIABLES), ...routes },
  });
}

async function rowOf(name: string): Promise<HTMLElement> {
  return (await screen.findByText(name)).closest("tr") as HTMLElement;
}

function cellsOf(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent ?? "");
}

function field(scope: HTMLElement, label: string): HTMLInputElement {
  return within(scope).getByLabelText(label) as HTMLInputElement;
}

function type(scope: HTMLElement, label: string, value: string) {
  fireEvent.change(field(scope, label), { target: { value } });
}

describe("TemplatesScreen: the list", () => {
  it("lists the templates with their languages, variables and approval", async () => {
    const server = open();

    expect(cellsOf(await rowOf("Where is my order"))).toEqual([
      "Where is my orderShipping",
      "EnglishChinese",
      "{{customer.first_name}} {{order.name}}",
      "Any agent",
      "EditDelete",
    ]);
    expect(cellsOf(await rowOf("Refund policy"))).toEqual([
      "Refund policy",
      "English",
      "None",
      "AttentionNeeds approval", // Polaris names the badge's tone for screen readers
      "EditDelete",
    ]);
    expect(server.lines().sort()).toEqual([LIST, VARS]);
  });

  it("searches by text on submit and by language at once", async () => {
    const server = open("admin", {
      "GET /api/admin/templates?q=refund": json({ results: [REFUND] }),
      "GET /api/admin/templates?q=refund&language=zh": json({ results: [] }),
    });

    await rowOf("Where is my order");
    type(document.body, "Search templates", "refund");
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(screen.queryByText("Where is my order")).toBeNull());
    expect(await screen.findByText("Refund policy")).toBeDefined();
    expect(screen.queryByText("Where is my order")).toBeNull();

    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "zh" } });
    expect(await screen.findByText("No template matches this search.")).toBeDefined();
    expect(server.lines().filter((line) => line.startsWith(LIST) && line !== VARS)).toEqual([
      LIST,
      "GET /api/admin/templates?q=refund",
      "GET /api/admin/templates?q=refund&language=zh",
    ]);
  });

  it("says when there is no template yet", async () => {
    open("admin", { [LIST]: json({ results: [] }) });
    const empty = "No templates yet. Create one to answer common questions in a click.";
    expect(await screen.findByText(empty)).toBeDefined();
  });
});

describe("TemplatesScreen: create and edit", () => {
  it("creates a template: variables inserted at the cursor, two languages, the exact request", async () => {
    const created = template({ id: "300", name: "Tracking link", needs_approval: true });
    const server = open("owner", {
      [LIST]: [json({ results: [WISMO, REFUND] }), json({ results: [WISMO, REFUND, created] })],
      "POST /api/admin/templates": json(created, 201),
    });

    await rowOf("Where is my order");
    fireEvent.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog");
    type(dialog, "Name", "  Tracking   link ");
    type(dialog, "Category", "Shipping");
    fireEvent.click(field(dialog, "Needs approval"));
    type(dialog, "Text in English", "Hi , follow your parcel here: ");
    field(dialog, "Text in English").setSelectionRange(3, 3);
    fireEvent.change(field(dialog, "Insert a variable into the English text"), {
      target: { value: "customer.first_name" },
    });
    expect(field(dialog, "Text in English").value).toBe("Hi {{customer.first_name}}, follow your parcel here: ");
    const end = field(dialog, "Text in English").value.length;
    field(dialog, "Text in English").setSelectionRange(end, end);
    fireEvent.change(field(dialog, "Insert a variable into the English text"), { target: { value: "tracking.url" } });
    expect(field(dialog, "Insert a variable into the English text").value).toBe("");

    fireEvent.change(field(dialog, "Add a language"), { target: { value: "zh" } });
    type(dialog, "Text in Chinese", "您好，请查看物流：{{tracking.url}}");
    fireEvent.click(within(dialog).getByRole("button", { name: "Create template" }));

    expect(await screen.findByText('Template "Tracking link" created.')).toBeDefined();
    expect(await screen.findByText("Tracking link")).toBeDefined();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(server.sent().filter((call) => call.method === "POST").map((call) => [call.path, call.body])).toEqual([
      [
        "/api/admin/templates",
        {
          name: "Tracking link",
          category: "Shipping",
          needs_approval: true,
          variants: {
            en: "Hi {{customer.first_name}}, follow your parcel here: {{tracking.url}}",
            zh: "您好，请查看物流：{{tracking.url}}",
          },
        },
      ],
    ]);
    expect(server.lines().filter((line) => line === LIST)).toHaveLength(2);
  });

  it("marks what its own checks refuse and sends nothing", async () => {
    const server = open();

    await rowOf("Where is my order");
    fireEvent.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog");
    type(dialog, "Text in English", "Hi {{customer.name}} {{order.name}}");
    fireEvent.change(field(dialog, "Add a language"), { target: { value: "fr" } });
    type(dialog, "Text in French", "Bonjour {{order.name");
    fireEvent.click(within(dialog).getByRole("button", { name: "Create template" }));

    expect(await within(dialog).findByText("Give the template a name.")).toBeDefined();
    expect(within(dialog).getByText("Unknown variables: customer.name. Use the list to insert one.")).toBeDefined();
    expect(
      within(dialog).getByText("A {{ or }} has no partner: write variables as {{customer.first_name}}."),
    ).toBeDefined();
    expect(within(dialog).getByText("Correct the fields marked below.")).toBeDefined();
    expect(field(dialog, "Name").getAttribute("aria-invalid")).toBe("true");
    expect(server.sent().filter((call) => call.method !== "GET")).toEqual([]);

    type(dialog, "Name", "Hello");
    expect(within(dialog).queryByText("Give the template a name.")).toBeNull();
  });

  it("shows the API's refusal on its field, keeps the dialog and the list as they were", async () => {
    const server = open("admin", {
      "POST /api/admin/templates": json({ detail: "refused: duplicate_name", code: "duplicate_name" }, 400),
    });

    await rowOf("Where is my order");
    fireEvent.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog");
    type(dialog, "Name", "where is my order");
    type(dialog, "Text in English", "Soon!");
    fireEvent.click(within(dialog).getByRole("button", { name: "Create template" }));

    expect(await within(dialog).findByText("Another template already has this name.")).toBeDefined();
    expect(field(dialog, "Name").value).toBe("where is my order");
    expect(screen.queryByText(/created\.$/)).toBeNull();
    expect(server.lines().filter((line) => !line.startsWith("GET"))).toEqual(["POST /api/admin/templates"]);
    expect(server.lines().filter((line) => line === LIST)).toHaveLength(1);
  });

  it("edits a template: the form holds it, the exact request replaces it", async () => {
    const updated = template({ variants: { en: "Hello {{customer.first_name}}!" } });
    const server = open("admin", {
      "PUT /api/admin/templates/9007199254740993": json(updated),
    });

    fireEvent.click(await screen.findByRole("button", { name: "Edit Where is my order" }));
    const dialog = await screen.findByRole("dialog");
    expect(field(dialog, "Name").value).toBe("Where is my order");
    expect(field(dialog, "Category").value).toBe("Shipping");
    expect(field(dialog, "Text in Chinese").value).toBe("您好，订单 {{order.name}} 已发出。");
    type(dialog, "Text in English", "Hello {{customer.first_name}}!");
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove the Chinese text" }));
    expect(within(dialog).queryByLabelText("Text in Chinese")).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    expect(await screen.findByText('Template "Where is my order" saved.')).toBeDefined();
    expect(server.sent().filter((call) => call.method === "PUT").map((call) => [call.path, call.body])).toEqual([
      [
        "/api/admin/templates/9007199254740993",
        {
          name: "Where is my order",
          category: "Shipping",
          needs_approval: false,
          variants: { en: "Hello {{customer.first_name}}!" },
        },
      ],
    ]);
  });
});

describe("TemplatesScreen: delete", () => {
  it("deletes after confirming: the row goes", async () => {
    const server = open("admin", { "DELETE /api/admin/templates/9007199254740995": json(null, 204) });

    fireEvent.click(await screen.findByRole("button", { name: "Delete Refund policy" }));
    const dialog = await screen.findByRole("dialog");
    const warning = '"Refund policy" will be deleted for every agent. Messages already sent stay as they are.';
    expect(within(dialog).getByText(warning)).toBeDefined();
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete template" }));

    expect(await screen.findByText('Template "Refund policy" deleted.')).toBeDefined();
    await waitFor(() => expect(screen.queryByText("Refund policy")).toBeNull());
    expect(screen.getByText("Where is my order")).toBeDefined();
    expect(server.lines().filter((line) => !line.startsWith("GET"))).toEqual([
      "DELETE /api/admin/templates/9007199254740995",
    ]);
  });

  it("shows a refusal in the dialog; the row stays and nothing else is sent", async () => {
    const server = open("admin", {
      "DELETE /api/admin/templates/9007199254740995": json(
        { detail: "only the shop's owner and admins can change templates", code: "permission_denied" },
        403,
      ),
    });

    fireEvent.click(await screen.findByRole("button", { name: "Delete Refund policy" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete template" }));

    const alert = await within(dialog).findByRole("alert");
    expect(within(alert).getByText("The template was not deleted")).toBeDefined();
    expect(within(alert).getByText("Only the store's owner and admins can change templates.")).toBeDefined();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByText("Refund policy")).toBeDefined();
    expect(server.lines().filter((line) => !line.startsWith("GET"))).toEqual([
      "DELETE /api/admin/templates/9007199254740995",
    ]);
    expect(server.lines().filter((line) => line === LIST)).toHaveLength(1);
  });
});

describe("TemplatesScreen for agents and in Chinese", () => {
  it("lets agents read templates, not change them", async () => {
    const server = open("agent");

    await rowOf("Where is my order");
    expect(
      await screen.findByText(
        "Only the store's owner and admins can create or change templates. You can read them.",
      ),
    ).toBeDefined();
    expect(screen.queryByRole("button", { name: "New template" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete Refund policy" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "View Where is my order" }));
    const dialog = await screen.findByRole("dialog");
    expect(field(dialog, "Text in English").disabled).toBe(true);
    expect(field(dialog, "Name").disabled).toBe(true);
    expect(within(dialog).queryByRole("button", { name: "Save" })).toBeNull();
    expect(within(dialog).queryByLabelText("Insert a variable into the English text")).toBeNull();
    const closers = within(dialog).getAllByRole("button", { name: "Close" }); // the dialog's X and its Close
    fireEvent.click(closers[closers.length - 1]!);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(server.lines().filter((line) => !line.startsWith("GET"))).toEqual([]);
  });

  it("speaks Simplified Chinese", async () => {
    open("admin", {}, "zh-CN");

    const row = await rowOf("Where is my order");
    expect(cellsOf(row)[1]).toBe("英语中文");
    expect(within(row).getByRole("button", { name: "编辑Where is my order" })).toBeDefined();
    expect(screen.getByRole("button", { name: "新建模板" })).toBeDefined();
  });
});
