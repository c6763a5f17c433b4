// The global validation pipe on empty queries and bodies: the shortcut for a class an empty value
// passes gives what the full pipe gives (a fresh instance with the class's defaults), and a class
// an empty value fails keeps failing, naming the field.
import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { IsInt, IsOptional, IsString, IsUUID, Max } from 'class-validator';
import { createValidationPipe } from './validation';

class OptionalQuery {
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  editionId?: string;

  @IsInt()
  @Max(200)
  limit = 50;

  @IsString({ each: true })
  tags: string[] = [];
}

class RequiredBody {
  @IsString({ message: 'must be text' })
  name!: string;
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

describe('the validation pipe on empty values', () => {
  it('gives a fresh instance with the defaults every time, as the full pipe does', async () => {
    const pipe = createValidationPipe();
    const first = await pipe.transform({}, query(OptionalQuery));
    const second = (await pipe.transform({}, query(OptionalQuery))) as OptionalQuery;
    expect(first).toBeInstanceOf(OptionalQuery);
    expect(second).toBeInstanceOf(OptionalQuery);
    expect(second).toEqual({ limit: 50, tags: [] });
    expect(second).not.toBe(first);
    expect(second.tags).not.toBe((first as OptionalQuery).tags);
  });

  it('still validates values that are not empty', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({}, query(OptionalQuery));
    await expect(pipe.transform({ editionId: 'x' }, query(OptionalQuery))).rejects.toThrow(BadRequestException);
    await expect(pipe.transform({ other: '1' }, query(OptionalQuery))).rejects.toThrow(BadRequestException);
    await expect(pipe.transform({ editionId: '0b5d4c1e-3f7a-4a8e-9c2d-1e2f3a4b5c6d' }, query(OptionalQuery))).resolves.toEqual({ editionId: '0b5d4c1e-3f7a-4a8e-9c2d-1e2f3a4b5c6d', limit: 50, tags: [] });
  });

  it('refuses an empty value a class requires fields of, naming the field, every time', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i += 1) {
      const error = await pipe.transform({}, { type: 'body', metatype: RequiredBody }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'name', problem: 'must be text' }] });
    }
  });
});
