export { RealtimeProvider, useRealtimeEvent, useRealtimeSend } from "./RealtimeProvider";
export * from "./events";
