/** Placeholder: shows the policy's warnings; the agent edits the reply or sends it anyway. */
import type { PromiseWarning } from "./promiseWarnings";

export interface PromiseWarningsModalProps {
  warnings: PromiseWarning[];
  /** Send anyway: the composer resends with `confirm_promises: true`. */
  onConfirm: () => void;
  onCancel: () => void;
}

export default function PromiseWarningsModal(_props: PromiseWarningsModalProps) {
  return null;
}
