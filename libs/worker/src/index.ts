// The worker as a library: its Nest module (queue processors, schedules) and its builder. The entry
// points (apps/worker, apps/standalone) and the tests compose it; it imports no app.
export * from './create-worker';
export * from './worker.module';
export * from './processors/outbox.processor';
export * from './metrics-server';
