// Every entity of the schema, in one list: the DataSource of the app, the CLI and the tests use it.
import { OutboxEvent } from '@app/core/outbox/outbox-event.entity';
import { AuthSession, OneTimeToken, RefreshToken } from './accounts/auth-session.entity';
import { RoleGrant } from './accounts/role-grant.entity';
import { User } from './accounts/user.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { City } from './cities/city.entity';
import { Edition } from './editions/edition.entity';
import { NotificationDelivery } from './notifications/notification-delivery.entity';

export const ALL_ENTITIES = [OutboxEvent, AuditEvent, User, RoleGrant, AuthSession, RefreshToken, OneTimeToken, City, Edition, NotificationDelivery];
