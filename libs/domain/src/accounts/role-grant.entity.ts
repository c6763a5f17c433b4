// A role held by a user, scoped as the role needs: coordinator (global), expert (edition + city),
// juror (edition, optionally tied to a city), cityOfficial (city), translator (edition). Assignments are grants.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ROLES, Role } from '@app/core/auth/roles';
import { City } from '../cities/city.entity';
import { Edition } from '../editions/edition.entity';
import { User } from './user.entity';

@Entity('role_grant')
@Check('role_grant_scope', `(role = 'coordinator' AND edition_id IS NULL AND city_id IS NULL)
  OR (role = 'expert' AND edition_id IS NOT NULL AND city_id IS NOT NULL)
  OR (role = 'juror' AND edition_id IS NOT NULL)
  OR (role = 'cityOfficial' AND edition_id IS NULL AND city_id IS NOT NULL)
  OR (role = 'translator' AND edition_id IS NOT NULL AND city_id IS NULL)`)
@Index('role_grant_coordinator_unique', ['userId'], { unique: true, where: `role = 'coordinator'` })
@Index('role_grant_expert_per_edition_unique', ['userId', 'editionId'], { unique: true, where: `role = 'expert'` })
@Index('role_grant_expert_per_city_unique', ['editionId', 'cityId'], { unique: true, where: `role = 'expert'` })
@Index('role_grant_juror_unique', ['userId', 'editionId'], { unique: true, where: `role = 'juror'` })
@Index('role_grant_translator_unique', ['userId', 'editionId'], { unique: true, where: `role = 'translator'` })
@Index('role_grant_official_unique', ['userId', 'cityId'], { unique: true, where: `role = 'cityOfficial'` })
@Index('role_grant_user_idx', ['userId'])
export class RoleGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  editionId!: string | null;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'uuid', nullable: true })
  cityId!: string | null;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  /** Jurors: country of origin (e.g. "Kenya"). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  countryOfOrigin!: string | null;

  /** Jurors: languages they read (ISO 639-1 codes). */
  @Column({ type: 'varchar', length: 8, array: true, nullable: true })
  languages!: string[] | null;

  @Column({ type: 'uuid', nullable: true })
  grantedBy!: string | null;

  /**
   * A personal deadline later than the edition's: an expert's for the report, a juror's for
   * scoring. The deadline checks (report writes, the score statement) accept either.
   */
  @Column({ type: 'timestamptz', nullable: true })
  extendedDueAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  extensionReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
