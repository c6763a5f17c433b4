import { describe, expect, it } from '@jest/globals';
import { heldRoles, homeFor, safeNext } from './roles';

describe('roles', () => {
  it('sends a one-role user to that area and others to the chooser', () => {
    expect(homeFor([{ role: 'juror', editionId: 'e1', cityId: 'c1' }])).toBe('/juror');
    expect(homeFor([{ role: 'expert', editionId: 'e1', cityId: 'c1' }, { role: 'expert', editionId: 'e2', cityId: 'c1' }])).toBe('/expert');
    expect(homeFor([{ role: 'expert' }, { role: 'cityOfficial', cityId: 'c1' }])).toBe('/dashboard');
    expect(homeFor([])).toBe('/dashboard');
  });

  it('lists each held role once, in a stable order', () => {
    expect(heldRoles([{ role: 'juror' }, { role: 'coordinator' }, { role: 'juror' }])).toEqual(['coordinator', 'juror']);
  });

  it('only lets a path of this site follow sign-in', () => {
    expect(safeNext('/coordinator/editions/1?x=1')).toBe('/coordinator/editions/1?x=1');
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('/ok\nSet-Cookie: x')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
