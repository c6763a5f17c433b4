// Every entity of the schema, in one list: the DataSource of the app, the CLI and the tests use it.
import { IdempotencyKey } from '@app/core/idempotency/idempotency-key.entity';
import { OutboxEvent } from '@app/core/outbox/outbox-event.entity';
import { AuthSession, OneTimeToken, RefreshToken } from './accounts/auth-session.entity';
import { RoleGrant } from './accounts/role-grant.entity';
import { User } from './accounts/user.entity';
import { AuditEvent } from './audit/audit-event.entity';
import { Certificate } from './certificates/certificate.entity';
import { City } from './cities/city.entity';
import { Award } from './awards/award.entity';
import { Category } from './editions/category.entity';
import { EditionStageEvent } from './editions/edition-stage-event.entity';
import { Edition } from './editions/edition.entity';
import { AwardVote, AwardVoteRound } from './decisions/award-vote.entity';
import { DeliberationNote } from './decisions/deliberation-note.entity';
import { PracticeComment } from './decisions/practice-comment.entity';
import { ConflictOfInterest, Score } from './jury/score.entity';
import { JuryPanel, JuryPanelMember, PracticeAssignment } from './jury/panel.entity';
import { GroupMail, GroupMailRecipient } from './notifications/group-mails/group-mail.entity';
import { MailTemplateOverride } from './notifications/mail-templates/mail-template-override.entity';
import { NotificationDelivery } from './notifications/notification-delivery.entity';
import { PracticeTranslation } from './practices/practice-translation.entity';
import { FollowUp, FollowUpPractice, Practice, Report, ReportFile } from './reports/report.entity';
import { ReportTranslation } from './reports/report-translation.entity';
import { AwardCitationTranslation, CategoryDescriptionTranslation, FollowUpNoteTranslation } from './text-translations/text-translation.entity';

export const ALL_ENTITIES = [OutboxEvent, AuditEvent, User, RoleGrant, AuthSession, RefreshToken, OneTimeToken, City, Edition,
  Category, EditionStageEvent, Report, Practice, PracticeTranslation, ReportTranslation, ReportFile, FollowUp, FollowUpPractice, Award,
  Score, ConflictOfInterest, DeliberationNote, PracticeComment, AwardVoteRound, AwardVote, NotificationDelivery, IdempotencyKey, Certificate, GroupMail, GroupMailRecipient,
  JuryPanel, JuryPanelMember, PracticeAssignment, MailTemplateOverride, CategoryDescriptionTranslation, AwardCitationTranslation, FollowUpNoteTranslation];
