// Every entity of the schema, in one list: the DataSource of the app, the CLI and the tests use it.
import { OutboxEvent } from '@app/core/outbox/outbox-event.entity';

export const ALL_ENTITIES = [OutboxEvent];
