// The global validation pipe: unknown fields are rejected, each problem names its field; text no
// handler can store (U+0000, lone surrogates) is refused in any body, query or path value.
import { isDeepStrictEqual } from 'node:util';
import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { assertCleanText } from '../http/hostile-input';
import { FieldProblem } from './domain-errors';

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      problem: rule === 'whitelistValidation' ? 'is not an allowed field' : message,
    }));
    return own.concat(flattenValidationErrors(error.children ?? [], field));
  });
}

type DtoClass = new () => object;

const isEmptyObject = (value: unknown): value is Record<string, never> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/** `new dto()`, or undefined when the class needs constructor arguments. */
function construct(dto: DtoClass): object | undefined {
  try {
    return new dto();
  } catch {
    return undefined;
  }
}

/**
 * Runs after the guards, so a denial with an odd id in the path is still audited (and answers 404)
 * before the id's text is judged here.
 *
 * An empty query or body (most GET routes' query DTOs: every field optional) always gives the same
 * outcome for a given DTO class: the full pipe (class-transformer, then class-validator's metadata
 * walk, ~8% of the API's CPU on bench P4) runs once per class on it; when it passed and gave just
 * what `new dto()` gives, later empty values get a fresh `new dto()` directly.
 */
class ContractValidationPipe extends ValidationPipe {
  private readonly emptyPasses = new WeakMap<object, boolean>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') assertCleanText(value, metadata.data ?? '');
    const dto = metadata.metatype as DtoClass | undefined;
    if (dto && isEmptyObject(value) && this.toValidate(metadata)) {
      const passes = this.emptyPasses.get(dto);
      if (passes) return new dto();
      if (passes === undefined) {
        // Throws (and is not remembered) when an empty value is invalid for this class.
        const result = await super.transform(value, metadata);
        this.emptyPasses.set(dto, isDeepStrictEqual(result, construct(dto)));
        return result;
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const message = details.map((d) => `${d.field}: ${d.problem}`).join('; ') || 'Invalid input';
      return new BadRequestException({ message, details });
    },
  });
}
