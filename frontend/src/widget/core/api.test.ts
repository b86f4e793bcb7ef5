import { describe, expect, it } from "vitest";
import { fakeNetwork, json, offlineRoute } from "../testing/fakes";
import { attachmentPath, createWidgetApi, WidgetApiError } from "./api";

function api(handler = () => json({})) {
  const network = fakeNetwork(handler);
  let token: string | null = "visitor-token-1";
  const client = createWidgetApi({ proxy: "/apps/support", fetch: network.fetch, visitorToken: () => token });
  return { client, requests: network.requests, setToken: (value: string | null) => (token = value) };
}

describe("createWidgetApi", () => {
  it("posts the start body through the proxy with the visitor token", async () => {
    const { client, requests } = api(() => json({ conversation: { id: "9007199254740993", status: "open" } }, 201));
    const started = await client.start({ name: "Ana", email: "ana@example.com", locale: "es", time_zone: "Europe/Madrid" });

    expect(started.conversation.id).toBe("9007199254740993");
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/apps/support/api/widget/conversations");
    expect(request?.headers.get("X-Visitor-Token")).toBe("visitor-token-1");
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.body).toEqual({ name: "Ana", email: "ana@example.com", locale: "es", time_zone: "Europe/Madrid" });
  });

  it("sends no visitor header before there is a token", async () => {
    const { client, requests, setToken } = api(() => json([]));
    setToken(null);
    await client.messages("12");
    expect(requests[0]?.headers.has("X-Visitor-Token")).toBe(false);
  });

  it("builds each endpoint's path and body", async () => {
    const { client, requests } = api(() => json({}));
    await client.messages("12", "9007199254740993");
    await client.send("12", { body: "hi", client_id: "c-1", attachment_ids: ["77"] });
    await client.read("12", "40");
    await client.rate("12", { rating: 5, comment: "great" });
    await client.socketToken("12");
    await client.lookupOrder({ order_name: "#1001", email: "", postcode: "75011", locale: "fr" });

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /apps/support/api/widget/conversations/12/messages?after=9007199254740993",
      "POST /apps/support/api/widget/conversations/12/messages",
      "POST /apps/support/api/widget/conversations/12/read",
      "POST /apps/support/api/widget/conversations/12/rating",
      "POST /apps/support/api/widget/conversations/12/socket-token",
      "POST /apps/support/api/widget/orders/lookup",
    ]);
    expect(requests.map((r) => r.body)).toEqual([
      undefined,
      { body: "hi", client_id: "c-1", attachment_ids: ["77"] },
      { up_to: "40" },
      { rating: 5, comment: "great" },
      undefined,
      { order_name: "#1001", email: "", postcode: "75011", locale: "fr" },
    ]);
  });

  it("uploads one multipart `file` field", async () => {
    const { client, requests } = api(() => json({ id: "88", filename: "photo.png", content_type: "image/png", size: 3 }, 201));
    const uploaded = await client.upload("12", new Blob(["abc"], { type: "image/png" }), "photo.png");

    expect(uploaded.id).toBe("88");
    expect(requests[0]?.url).toBe("/apps/support/api/widget/conversations/12/attachments");
    const form = requests[0]?.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get("file") as File).name).toBe("photo.png");
    expect(requests[0]?.headers.has("Content-Type")).toBe(false); // the browser sets the boundary
  });

  it("downloads through the proxy with the visitor token", async () => {
    const { client, requests } = api(() => new Response("PDFDATA", { headers: { "Content-Type": "application/pdf" } }));
    const blob = await client.download({ id: "88", filename: "a.pdf", content_type: "application/pdf", size: 7, url: "/api/widget/attachments/88" });

    expect(await blob.text()).toBe("PDFDATA");
    expect(requests[0]?.url).toBe("/apps/support/api/widget/attachments/88");
    expect(requests[0]?.headers.get("X-Visitor-Token")).toBe("visitor-token-1");
  });

  it("turns an error body into WidgetApiError with the API's code and detail", async () => {
    const { client } = api(() =>
      json({ detail: "refused: attachment_type_not_allowed", code: "attachment_type_not_allowed" }, 400),
    );
    const error = await client.upload("12", new Blob(["x"]), "x.svg").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WidgetApiError);
    expect(error).toMatchObject({ status: 400, code: "attachment_type_not_allowed", detail: "refused: attachment_type_not_allowed" });
    expect((error as WidgetApiError).retryable).toBe(false);
  });

  it("reports a dropped connection as status 0, worth retrying", async () => {
    const { client } = api(offlineRoute);
    const error = (await client.messages("12").catch((caught: unknown) => caught)) as WidgetApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe("network");
    expect(error.retryable).toBe(true);
  });

  it("treats 429 and 5xx as worth retrying", async () => {
    const limited = (await api(() => json({ detail: "too many requests: x", code: "x" }, 429))
      .client.messages("1")
      .catch((caught: unknown) => caught)) as WidgetApiError;
    const down = (await api(() => new Response("", { status: 503 })).client.messages("1").catch((caught: unknown) => caught)) as WidgetApiError;
    expect([limited.retryable, down.retryable, down.code]).toEqual([true, true, "http_503"]);
  });
});

describe("attachmentPath", () => {
  it("serves the API's path through the proxy, else builds it from the id", () => {
    const attachment = { id: "9007199254740993", filename: "a.png", content_type: "image/png", size: 1 };
    expect(attachmentPath("/apps/support", { ...attachment, url: "/api/widget/attachments/9007199254740993" })).toBe(
      "/apps/support/api/widget/attachments/9007199254740993",
    );
    expect(attachmentPath("/apps/support", attachment)).toBe("/apps/support/api/widget/attachments/9007199254740993");
    expect(attachmentPath("/apps/support", { ...attachment, url: "https://evil.example/x" })).toBe(
      "/apps/support/api/widget/attachments/9007199254740993",
    );
  });
});
