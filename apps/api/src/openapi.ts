// The OpenAPI document of the API: served at /api/docs-json (Swagger UI at /api/docs), and built
// offline by openapi-document.ts for the web app's typed client (npm run web:api-types).
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api';

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Open Cities API')
      .setDescription('Miasta Otwarte: expert reports, migrant jury scoring, decisions and the public catalogue.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = createOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return document;
}
