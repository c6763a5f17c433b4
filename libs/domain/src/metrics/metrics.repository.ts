// The backlog the metrics report, read in one statement per scrape: outbox events the relay has not
// put on the queue yet (and how old the oldest is), and notification deliveries by status. Both
// counts ride on indexes (outbox_event_unenqueued_idx is partial; notification_delivery_status_idx).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DELIVERY_STATUSES, DeliveryStatus } from '../notifications/notification-delivery.entity';

export interface BacklogSnapshot {
  outboxUnrelayed: number;
  /** Seconds since the oldest unrelayed event was written; 0 when there is none. */
  outboxOldestAgeSeconds: number;
  deliveries: Record<DeliveryStatus, number>;
}

@Injectable()
export class MetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async backlog(): Promise<BacklogSnapshot> {
    const [row]: { unrelayed: number; oldest_age: number; deliveries: Record<string, number> | null }[] = await this.dataSource.query(
      `SELECT o.unrelayed, o.oldest_age, d.deliveries
         FROM (SELECT count(*)::int AS unrelayed,
                      coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_age
                 FROM outbox_event WHERE enqueued_at IS NULL) o,
              (SELECT json_object_agg(status, n) AS deliveries
                 FROM (SELECT status, count(*)::int AS n FROM notification_delivery GROUP BY status) s) d`,
    );
    const deliveries = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, row.deliveries?.[status] ?? 0])) as Record<DeliveryStatus, number>;
    return { outboxUnrelayed: row.unrelayed, outboxOldestAgeSeconds: Math.max(0, row.oldest_age), deliveries };
  }
}
