/** The gateway's wire vocabulary, as the simulator speaks it: opcodes and the frames it logs. */

/** Gateway opcodes the simulator speaks. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** One gateway payload, in either direction. */
export interface GatewayFrame {
  /** Which WebSocket connection (from 1, in order of connection). */
  connection: number;
  direction: 'sent' | 'received';
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}
