/** The shop's staff for assigning (`GET /api/admin/agents`), online ones first. */
import { useResource } from "./context";

export interface Colleague {
  id: string;
  name: string;
  role: string;
  presence: "online" | "away" | "offline";
}

export const COLLEAGUES_PATH = "/api/admin/agents";

export function useColleagues(): Colleague[] {
  const { state } = useResource<Colleague[]>(COLLEAGUES_PATH);
  return state.status === "ready" ? state.data : [];
}
