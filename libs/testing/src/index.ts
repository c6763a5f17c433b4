export * from './config';
export * from './create-test-app';
export * from './database';
export * from './demo';
export * from './drain-queue';
export * from './factories';
export * from './smtp-sink';
export * from './openapi-conformance';
