// The roles of the contract. A user may hold several. A translator adds and edits translations of an edition's content.
export const ROLES = ['coordinator', 'expert', 'juror', 'cityOfficial', 'translator'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  id: string;
  role: Role;
  editionId: string | null;
  cityId: string | null;
}
