// Routes of the HTTP contract (API.md) that screens call but this branch's API does not serve or
// does not describe yet, typed by hand in the shape openapi-typescript generates. The client merges
// them UNDER the generated schema.d.ts (see client.ts): an operation the OpenAPI document describes
// wins; one it serves without a response schema keeps these types. `npm run web:api-types` lists the
// entries that have become dead.
import type { ApiErrorBody } from './errors';

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
export interface PublicAward {
  id: string;
  city: Named;
  recipientUnit: string | null;
  categories: Named[];
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
export interface CityStatus {
  city: City;
  editions: {
    editionId: string;
    year: number;
    name: string;
    stage: EditionStage;
    report: { id: string; status: string; submittedAt: string | null } | null;
    practices: { id: string; title: string; status: PracticeStatus }[];
  }[];
}
export interface Ballot {
  editionId: string;
  scaleMax: number;
  progress: { scored: number; total: number };
  items: { practice: { id: string; title: string; cityName: string }; myScore: object | null }[];
}
export interface Notification {
  id: string;
  subject: string;
  createdAt: string;
  status?: 'pending' | 'sent' | 'failed';
}

export interface PublicPracticeQuery {
  q?: string;
  city?: string;
  category?: string;
  year?: number;
  limit?: number;
  offset?: number;
}

export interface PendingPaths {
  '/api/cities/{id}/status': { get: Get<CityStatus, { id: string }, { editionId?: string }> };
  '/api/public/editions': { get: Get<PublicEdition[]> };
  '/api/public/editions/{year}/awards': { get: Get<PublicAwards, { year: number }> };
  '/api/public/practices': { get: Get<Page<PublicPractice>, never, PublicPracticeQuery> };
}
