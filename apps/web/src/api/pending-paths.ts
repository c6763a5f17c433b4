// Routes of the HTTP contract (API.md) that screens call but this branch's API does not serve or
// does not describe yet, typed by hand in the shape openapi-typescript generates. The client merges
// them UNDER the generated schema.d.ts (see client.ts): an operation the OpenAPI document describes
// wins; one it serves without a response schema keeps these types. `npm run web:api-types` lists the
// entries that have become dead.
import type { ApiErrorBody } from './errors';
import type { components } from './schema';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Errors = { default: Json<ApiErrorBody> };
type Params<Path = never, Query = never> = {
  query?: [Query] extends [never] ? never : Query;
  header?: never;
  path: [Path] extends [never] ? never : Path;
  cookie?: never;
};
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

interface Get<Res, Path = never, Query = never> {
  parameters: [Path] extends [never] ? ([Query] extends [never] ? NoParams : Omit<NoParams, 'query'> & { query?: Query }) : Params<Path, Query>;
  requestBody?: never;
  responses: { 200: Json<Res> } & Errors;
}

// ---- Shapes as the API returns them (API.md, checked against the backend's DTOs and queries).
// Where they differ from API.md's conventions the API wins: /editions and /cities are arrays, not
// `{ items, total }`; the public awards come with their edition.
export type Role = 'coordinator' | 'expert' | 'juror' | 'cityOfficial';
export type EditionStage = 'draft' | 'reportsOpen' | 'juryScoring' | 'deliberation' | 'decided' | 'published';
export type PracticeStatus = 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'distinguished' | 'notDistinguished';

export interface Page<T> {
  items: T[];
  total: number;
}
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}
export interface RoleGrant {
  role: Role;
  editionId?: string;
  cityId?: string;
}
export interface Me {
  id: string;
  email: string;
  name: string;
  locale: string;
  roles: RoleGrant[];
}
export interface Ceremony {
  startsAt: string;
  venue: string;
  city: string;
}
export interface Edition {
  id: string;
  year: number;
  name: string;
  stage: EditionStage;
  reportsDueAt: string | null;
  scoringDueAt: string | null;
  ceremony: Ceremony | null;
}
export interface City {
  id: string;
  name: string;
  region?: string | null;
}
export interface Named {
  id: string;
  name: string;
}
export interface PublicEdition {
  year: number;
  name: string;
  ceremony: Ceremony | null;
  publishedAt?: string | null;
}
/** A category with its name per locale (`{ en, uk }`; the name itself is Polish). */
export interface TranslatedNamed extends Named {
  translations?: Record<string, string>;
}
export interface PublicAward {
  id: string;
  city: Named;
  recipientUnit: string | null;
  categories: TranslatedNamed[];
  practices: { id: string; title: string }[];
  citation: string | null;
}
export interface PublicAwards {
  edition: PublicEdition;
  awards: PublicAward[];
}
/** A distinguished practice of a published edition. */
export interface PublicPractice {
  id: string;
  title: string;
  description: string;
  city: Named;
  year: number;
  editionName?: string;
  categories: Named[];
  recipientUnits: string[];
}
/** A practice as an official follows it: no scores; decisions only once the edition is published. */
export interface CityStatusPractice {
  id: string;
  title: string;
  categories: Named[];
  recipientUnits: string[];
  status: PracticeStatus;
  eligibilityReason: string | null;
  history: { status: PracticeStatus; at: string }[];
}
export interface CityStatusAward {
  id: string;
  recipientUnit: string | null;
  citation: string | null;
  categories: Named[];
  practices: { id: string; title: string }[];
}
export interface CityStatus {
  city: City;
  editions: {
    editionId: string;
    year: number;
    name: string;
    stage: EditionStage;
    report: { id: string; status: 'draft' | 'submitted'; submittedAt: string | null } | null;
    /** Empty until the edition is published. */
    awards: CityStatusAward[];
    practices: CityStatusPractice[];
  }[];
}
/** A distinction of the previous edition in the report's city, to assess in a follow-up. */
export interface PreviousDistinction {
  id: string;
  recipientUnit: string | null;
  citation: string | null;
  editionYear: number;
  categories: string[];
}
export interface DeclaredConflict {
  practiceId: string;
  practiceTitle: string;
  cityName: string;
  jurorId: string;
  jurorName: string;
  reason: string;
  declaredAt: string;
}
export interface JurorProgress {
  jurorId: string;
  name: string;
  email: string;
  cityId: string | null;
  cityName: string | null;
  scored: number;
  total: number;
  conflicts: number;
}
export interface AlphaResult {
  /** null when undefined: fewer than two pairable values, or no variation at all. */
  alpha: number | null;
  pairable: number;
  units: number;
}
export interface Agreement {
  overall: AlphaResult;
  perCriterion: Record<string, AlphaResult>;
  jurors: number;
  practices: number;
}
export interface DeliberationNote {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}
export interface JurorComment {
  practiceId: string;
  practiceTitle: string;
  cityName: string;
  jurorId: string;
  jurorName: string;
  comment: string;
  updatedAt: string;
}
/** One practice of the public catalogue, with its distinctions and the follow-ups later reports gave them. */
export interface PublicPracticeDetail extends PublicPractice {
  links: string[];
  startedOn: string | null;
  awards: { id: string; recipientUnit: string | null; citation: string | null }[];
  followUps: { year: number; status: FollowUpStatus; assessment: string; awardId: string }[];
}
export type FollowUpStatus = 'implemented' | 'continued' | 'expanded' | 'discontinued' | 'unknown';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';
/** A delivery of the outbox (coordinators), as the notifications branch describes it. */
export interface Notification {
  id: string;
  eventId: string;
  template: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  recipient: { id: string; email: string; name: string };
  subject: string | null;
  locale: string | null;
  receipt: string | null;
  file: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}
/** What was sent to me. */
export interface MyNotification {
  id: string;
  template: string;
  subject: string;
  locale: string;
  sentAt: string;
}

export interface PublicPracticeQuery {
  q?: string;
  city?: string;
  category?: string;
  year?: number;
  limit?: number;
  offset?: number;
}

type Schemas = components['schemas'];
type PageQuery = { limit?: number; offset?: number };

type Send<Res, Body, Path = never, Status extends 200 | 201 = 200> = {
  parameters: [Path] extends [never] ? NoParams : Params<Path>;
  responses: { [S in Status]: Json<Res> } & Errors;
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

export interface PendingPaths {
  '/api/users': { get: Get<Page<Schemas['UserDto']>, never, PageQuery & { q?: string }> };
  '/api/cities/{id}/status': { get: Get<CityStatus, { id: string }, { editionId?: string }> };
  '/api/editions/{id}/reports': {
    post: Send<{ id: string; status: 'draft'; editionId: string; cityId: string }, Schemas['CreateReportDto'], { id: string }, 201>;
  };
  '/api/editions/{id}/practices': {
    get: Get<Page<Schemas['PracticeView']>, { id: string }, PageQuery & { cityId?: string; categoryId?: string; status?: PracticeStatus }>;
  };
  '/api/reports/{id}/previous-distinctions': { get: Get<PreviousDistinction[], { id: string }> };
  '/api/practices/{id}/conflicts': {
    post: Send<{ practiceId: string; reason: string; declaredAt: string }, Schemas['DeclareConflictDto'], { id: string }, 201>;
  };
  '/api/editions/{id}/conflicts': { get: Get<DeclaredConflict[], { id: string }> };
  '/api/editions/{id}/jury-progress': { get: Get<JurorProgress[], { id: string }> };
  '/api/editions/{id}/agreement': { get: Get<Agreement, { id: string }> };
  '/api/editions/{id}/deliberation-notes': {
    get: Get<DeliberationNote[], { id: string }>;
    post: Send<DeliberationNote, Schemas['CreateNoteDto'], { id: string }, 201>;
  };
  '/api/editions/{id}/comments': { get: Get<JurorComment[], { id: string }> };
  '/api/public/editions': { get: Get<PublicEdition[]> };
  '/api/public/editions/{year}/awards': { get: Get<PublicAwards, { year: number }> };
  '/api/public/practices': { get: Get<Page<PublicPractice>, never, PublicPracticeQuery> };
  '/api/public/practices/{id}': { get: Get<PublicPracticeDetail, { id: string }> };
}
