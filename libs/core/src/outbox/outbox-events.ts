// The events that leave through the outbox, with their payloads (ids only).
export interface OutboxEventPayloads {
  /** Written by the foundation's self-check and by tests; carries no recipients. */
  'system.ping': { note: string };
}
export type OutboxEventType = keyof OutboxEventPayloads;
