/**
 * The message box: text, files (uploaded first, then sent with the message as
 * attachment_ids), the send button. Enter sends, Shift+Enter is a new line.
 */
import { WidgetApiError } from "../core/api";
import { ACCEPT, checkFile, MAX_FILES_PER_MESSAGE } from "../core/files";
import type { WidgetAttachment } from "../core/types";
import { format } from "../i18n/format";
import type { PanelStrings } from "../i18n/panel";
import { reasonText } from "../i18n/reasons";
import { h, replaceChildren } from "./dom";

export interface ComposerActions {
  send(body: string, attachments: WidgetAttachment[]): boolean;
  upload(file: File): Promise<WidgetAttachment>;
  typing(hasText: boolean): void;
}

export class Composer {
  readonly el: HTMLFormElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly fileInput: HTMLInputElement;
  private readonly chips: HTMLUListElement;
  private readonly error: HTMLParagraphElement;
  private attached: WidgetAttachment[] = [];
  private uploading: string[] = [];

  constructor(
    private readonly doc: Document,
    private readonly strings: PanelStrings,
    private readonly actions: ComposerActions,
  ) {
    this.textarea = h(doc, "textarea", {
      class: "sc-input",
      rows: "2",
      "aria-label": strings.messageBox,
      placeholder: strings.placeholder,
      maxlength: "5000",
    });
    this.fileInput = h(doc, "input", {
      type: "file",
      accept: ACCEPT,
      class: "sc-vh",
      tabindex: "-1",
      "aria-hidden": "true",
    });
    const attach = h(doc, "button", { type: "button", class: "sc-icon-btn", "aria-label": strings.attach, title: strings.attach }, "+");
    const send = h(doc, "button", { type: "submit", class: "sc-send" }, strings.send);
    this.chips = h(doc, "ul", { class: "sc-chips", "aria-live": "polite" });
    this.error = h(doc, "p", { class: "sc-error", role: "alert", hidden: true });
    this.el = h(
      doc,
      "form",
      { class: "sc-composer" },
      this.error,
      this.chips,
      h(doc, "div", { class: "sc-row" }, attach, this.fileInput, this.textarea, send),
    );

    attach.addEventListener("click", () => this.fileInput.click());
    this.fileInput.addEventListener("change", () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = "";
      if (file) {
        void this.addFile(file);
      }
    });
    this.textarea.addEventListener("input", () => this.actions.typing(this.textarea.value.trim() !== ""));
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.el.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  focus(): void {
    this.textarea.focus();
  }

  private submit(): void {
    if (this.uploading.length > 0) {
      return; // the file is still on its way; the shopper presses Send again
    }
    if (this.actions.send(this.textarea.value, this.attached)) {
      this.textarea.value = "";
      this.attached = [];
      this.showError("");
      this.renderChips();
    }
  }

  private async addFile(file: File): Promise<void> {
    const refusal = checkFile(file, this.attached.length + this.uploading.length);
    if (refusal) {
      this.showError(reasonText(this.strings, { status: 400, code: refusal, detail: "" }));
      return;
    }
    this.showError("");
    this.uploading = [...this.uploading, file.name];
    this.renderChips();
    try {
      const attachment = await this.actions.upload(file);
      if (this.attached.length < MAX_FILES_PER_MESSAGE) {
        this.attached = [...this.attached, attachment];
      }
    } catch (error) {
      const failure = error instanceof WidgetApiError ? error : new WidgetApiError(0, "network");
      this.showError(reasonText(this.strings, failure));
    } finally {
      const index = this.uploading.indexOf(file.name);
      this.uploading = this.uploading.filter((_, position) => position !== index);
      this.renderChips();
    }
  }

  private renderChips(): void {
    const { doc, strings } = this;
    const items = this.attached.map((attachment) => {
      const remove = h(
        doc,
        "button",
        { type: "button", class: "sc-chip-remove", "aria-label": format(strings.removeFile, { name: attachment.filename }) },
        "×",
      );
      remove.addEventListener("click", () => {
        this.attached = this.attached.filter((item) => item.id !== attachment.id);
        this.renderChips();
        this.textarea.focus();
      });
      return h(doc, "li", { class: "sc-chip" }, h(doc, "span", {}, attachment.filename), remove);
    });
    const pending = this.uploading.map((name) =>
      h(doc, "li", { class: "sc-chip sc-chip--busy" }, format(strings.uploading, { name })),
    );
    replaceChildren(this.chips, ...items, ...pending);
  }

  private showError(text: string): void {
    this.error.textContent = text;
    this.error.hidden = text === "";
  }
}
