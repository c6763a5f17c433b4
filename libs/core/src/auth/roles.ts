// The four roles of the contract. A user may hold several.
export const ROLES = ['coordinator', 'expert', 'juror', 'cityOfficial'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  id: string;
  role: Role;
  editionId: string | null;
  cityId: string | null;
}
