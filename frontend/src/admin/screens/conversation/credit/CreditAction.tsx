/** Placeholder: the store-credit action (what the policy allows, request, state of grants). */
export interface CreditActionProps {
  conversationId: string;
  /** Called after a grant was requested (the thread and timeline may have changed). */
  onRequested?: () => void;
}

export default function CreditAction(_props: CreditActionProps) {
  return null;
}
