// The typed registry of queues, job names and their payloads. Jobs carry ids only; a worker
// reloads state from the database. Every job name here must have a handler or the worker refuses to boot.

export const QUEUES = {
  /** Fan-out of committed outbox events into notification deliveries. */
  notifications: 'notifications',
  /** Scheduled housekeeping: outbox sweep, reminders. */
  maintenance: 'maintenance',
  /** Generated documents (certificates): CPU-bound renders kept apart from the mail sends. */
  documents: 'documents',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Process one committed outbox event (job id = outbox id). */
  'outbox.dispatch': { outboxId: string };
  /** Enqueue outbox events a crash left behind between commit and enqueue. */
  'outbox.sweep': Record<string, never>;
  /** Send one notification delivery (job id = delivery id): a coordinator's retry, a rescued send. */
  'notification.send': { deliveryId: string };
  /** Send a batch of one event's deliveries (job id = a digest of the ids): the fan-out's sends. */
  'notification.sendBatch': { deliveryIds: string[] };
  /** Re-enqueue deliveries whose job was lost (stalled too often, failed while the row stayed pending). */
  'notifications.sweep': Record<string, never>;
  /** Write reminder events for deadlines that are near. */
  'notifications.reminders': Record<string, never>;
  /** Issue or re-issue one award's certificates in every language (idempotent per award and language). */
  'certificates.render': { awardId: string };
  /** Queue renders for awards of published editions without certificates in force (loaded data, lost jobs). */
  'certificates.sweep': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  'outbox.dispatch': QUEUES.notifications,
  'outbox.sweep': QUEUES.maintenance,
  'notification.send': QUEUES.notifications,
  'notification.sendBatch': QUEUES.notifications,
  'notifications.sweep': QUEUES.maintenance,
  'notifications.reminders': QUEUES.maintenance,
  'certificates.render': QUEUES.documents,
  'certificates.sweep': QUEUES.maintenance,
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

export function jobsOfQueue(queue: QueueName): JobName[] {
  return JOB_NAMES.filter((job) => JOB_QUEUE[job] === queue);
}
