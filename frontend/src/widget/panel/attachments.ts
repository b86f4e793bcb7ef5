/**
 * Attachments on messages. Downloads need the X-Visitor-Token header, so a
 * file is fetched with the API client and shown through a blob: URL (made
 * once per attachment, released when the panel goes away).
 */
import type { WidgetApi } from "../core/api";
import { isImage } from "../core/files";
import type { WidgetAttachment } from "../core/types";
import { format } from "../i18n/format";
import type { PanelStrings } from "../i18n/panel";
import { h } from "./dom";

export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

export class AttachmentFiles {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly api: Pick<WidgetApi, "download">,
    private readonly objectUrls: ObjectUrls,
  ) {}

  /** A blob: URL for the attachment (downloaded once). */
  url(attachment: WidgetAttachment): Promise<string> {
    let url = this.urls.get(attachment.id);
    if (!url) {
      url = this.api.download(attachment).then((blob) => this.objectUrls.create(blob));
      url.catch(() => this.urls.delete(attachment.id)); // try again next time
      this.urls.set(attachment.id, url);
    }
    return url;
  }

  dispose(): void {
    for (const url of this.urls.values()) {
      url.then((value) => this.objectUrls.revoke(value), () => undefined);
    }
    this.urls.clear();
  }
}

/** An attachment of a message: an image shown inline, any other file a download button. */
export function renderAttachment(
  doc: Document,
  strings: PanelStrings,
  files: AttachmentFiles,
  attachment: WidgetAttachment,
): HTMLElement {
  if (isImage(attachment.content_type)) {
    const img = h(doc, "img", { class: "sc-img", alt: attachment.filename });
    files.url(attachment).then(
      (url) => {
        img.src = url;
      },
      () => undefined, // the alt text stays
    );
    return h(doc, "li", {}, img);
  }
  const button = h(
    doc,
    "button",
    { type: "button", class: "sc-file", "aria-label": format(strings.download, { name: attachment.filename }) },
    attachment.filename,
  );
  button.addEventListener("click", () => {
    files.url(attachment).then(
      (url) => {
        const link = h(doc, "a", { href: url, download: attachment.filename, class: "sc-vh" });
        button.after(link);
        link.click();
        link.remove();
      },
      () => undefined,
    );
  });
  return h(doc, "li", {}, button);
}
