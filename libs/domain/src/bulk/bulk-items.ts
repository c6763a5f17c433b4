// What every bulk action shares: an item's own checks by its DTO (a bad item is refused alone,
// not the whole request), and a domain refusal turned into that item's result.
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, flattenValidationErrors } from '@app/core';
import { ItemRefusal } from './dto/bulk.dto';

export class ItemRefused extends Error {
  constructor(readonly refusal: ItemRefusal) {
    super(refusal.message);
  }
}

export const refuse = (code: string, message: string, field?: string): ItemRefused => new ItemRefused({ code, message, ...(field ? { field } : {}) });

/** The item as its DTO, checked as the single route's body would be; else refused naming the first field at fault. */
export async function validItem<T extends object>(dtoClass: new () => T, raw: unknown): Promise<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse('invalid_input', 'must be an object');
  const item = plainToInstance(dtoClass, raw);
  const problems = flattenValidationErrors(await validate(item, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length > 0) {
    const [first] = problems;
    throw refuse('invalid_input', problems.map((p) => `${p.field} ${p.problem}`).join('; '), first.field);
  }
  return item;
}

/** Runs one item: its value, or its refusal (a domain error's code and message). Anything else is a fault and goes up. */
export async function settle<T>(work: () => Promise<T>): Promise<{ value: T } | { refusal: ItemRefusal }> {
  try {
    return { value: await work() };
  } catch (error) {
    if (error instanceof ItemRefused) return { refusal: error.refusal };
    if (error instanceof DomainError) {
      const field = error.details?.[0]?.field;
      return { refusal: { code: error.code, message: error.message, ...(field ? { field } : {}) } };
    }
    throw error;
  }
}
