// One transaction per command. Outbox rows written inside it are handed to the relay after commit.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxEventPayloads, OutboxEventType } from '../outbox/outbox-events';
import { OutboxRelay } from '../outbox/outbox.relay';

export interface Tx {
  readonly manager: EntityManager;
  /** Records a side effect in this transaction; it leaves only if the transaction commits. */
  emit<T extends OutboxEventType>(type: T, payload: OutboxEventPayloads[T]): Promise<string>;
}

@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource, private readonly relay: OutboxRelay) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let emitted = 0;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx: Tx = {
        manager,
        emit: async (type, payload) => {
          const [row]: { id: string }[] = await manager.query(
            `INSERT INTO outbox_event (type, payload) VALUES ($1, $2::jsonb) RETURNING id`,
            [type, JSON.stringify(payload)],
          );
          emitted += 1;
          return row.id;
        },
      };
      return work(tx);
    });
    if (emitted > 0) this.relay.kick();
    return result;
  }
}
