import { afterEach, describe, expect, it, vi } from "vitest";
import { exportFilename, saveJsonFile } from "./download";

// jsdom has no object URLs and does not navigate: stand in for the browser's own APIs.
function stubBrowser() {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:export-1";
    }),
    revokeObjectURL: vi.fn(),
  });
  const clicks: { href: string; download: string }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.href, download: this.download });
  });
  return { blobs, clicks };
}

afterEach(() => {
  delete (URL as { createObjectURL?: unknown }).createObjectURL;
  delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
});

describe("saveJsonFile", () => {
  it("downloads the data as pretty JSON under the name, then cleans up", async () => {
    const { blobs, clicks } = stubBrowser();

    saveJsonFile({ customer: { id: "9007199254740993" } }, "customer-9007199254740993-export.json");

    expect(clicks).toEqual([{ href: "blob:export-1", download: "customer-9007199254740993-export.json" }]);
    expect(await blobs[0]!.text()).toBe('{\n  "customer": {\n    "id": "9007199254740993"\n  }\n}');
    expect(blobs[0]!.type).toBe("application/json");
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:export-1");
    expect(document.querySelector("a[download]")).toBeNull();
  });
});

describe("exportFilename", () => {
  it("names the file after the customer id, with nothing path-like", () => {
    expect(exportFilename("9007199254740993")).toBe("customer-9007199254740993-export.json");
    expect(exportFilename("../x")).toBe("customer-___x-export.json");
  });
});
