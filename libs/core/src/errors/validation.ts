// The global validation pipe: unknown fields are rejected, each problem names its field; text no
// handler can store (U+0000, lone surrogates) is refused in any body, query or path value.
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

/**
 * Runs after the guards, so a denial with an odd id in the path is still audited (and answers 404)
 * before the id's text is judged here.
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') assertCleanText(value, metadata.data ?? '');
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
