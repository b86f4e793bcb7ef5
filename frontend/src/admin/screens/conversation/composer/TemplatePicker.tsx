/** Placeholder: pick a template, preview it filled for this conversation, insert its text. */
export interface TemplatePickerProps {
  conversationId: string;
  /** The filled text goes into the composer (the agent may edit it before sending). */
  onInsert: (text: string) => void;
}

export default function TemplatePicker(_props: TemplatePickerProps) {
  return null;
}
