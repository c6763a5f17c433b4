// Names for the API's shapes used across screens: the generated ones (schema.d.ts) and the hand-typed
// pending ones (pending-paths.ts), so components need not spell `components['schemas'][...]`.
import type { components } from './schema';

type Schemas = components['schemas'];
export type EditionView = Schemas['EditionView'];
export type CategoryView = Schemas['CategoryView'];
export type CityView = Schemas['CityView'];
export type AssignmentView = Schemas['AssignmentView'];
export type ReportView = Schemas['ReportView'];
export type MyReportAssignment = Schemas['MyReportAssignment'];
export type PracticeView = Schemas['PracticeView'];
export type ReportFileView = Schemas['ReportFileView'];
export type PracticeEvidenceView = Schemas['PracticeEvidenceView'];
export type FollowUpView = Schemas['FollowUpView'];
export type BallotView = Schemas['BallotView'];
export type BallotItem = Schemas['BallotItem'];
export type MyScoreView = Schemas['MyScoreView'];
export type ResultsView = Schemas['ResultsView'];
export type ResultRow = Schemas['ResultRow'];
export type AwardView = Schemas['AwardView'];
export type TransitionsView = Schemas['TransitionsView'];
export type UserDto = Schemas['UserDto'];
export type CreatePracticeDto = Schemas['CreatePracticeDto'];
export type CriteriaScores = Schemas['CriteriaScoresDto'];
export type UpdateEditionDto = Schemas['UpdateEditionDto'];
export type CreateAwardDto = Schemas['CreateAwardDto'];
export type {
  Agreement,
  CityStatus,
  DeclaredConflict,
  DeliberationNote,
  DeliveryStatus,
  EditionStage,
  FollowUpStatus,
  JurorComment,
  JurorProgress,
  MyNotification,
  Notification,
  PracticeStatus,
  PreviousDistinction,
} from './pending-paths';
