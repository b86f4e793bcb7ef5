import { describe, expect, it } from "vitest";
import { checkFile, MAX_FILE_BYTES } from "./files";

describe("checkFile", () => {
  it("accepts images and PDFs up to 10 MiB", () => {
    expect(checkFile({ size: 1200, type: "image/png" }, 0)).toBeNull();
    expect(checkFile({ size: MAX_FILE_BYTES, type: "application/pdf" }, 4)).toBeNull();
  });

  it("leaves an unknown type to the server (it sniffs the bytes)", () => {
    expect(checkFile({ size: 10, type: "" }, 0)).toBeNull();
  });

  it("refuses other types, large files and a sixth file", () => {
    expect(checkFile({ size: 10, type: "text/html" }, 0)).toBe("attachment_type_not_allowed");
    expect(checkFile({ size: 10, type: "image/svg+xml" }, 0)).toBe("attachment_type_not_allowed");
    expect(checkFile({ size: MAX_FILE_BYTES + 1, type: "image/jpeg" }, 0)).toBe("attachment_too_large");
    expect(checkFile({ size: 10, type: "image/jpeg" }, 5)).toBe("too_many_attachments");
  });
});
