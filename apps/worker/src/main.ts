// Production entry point of the worker: queue processors and scheduled jobs, no HTTP.
import { exitOnConfigError, loadConfig } from '@app/core';
import { createWorker } from './create-worker';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    exitOnConfigError(error);
  }
  await createWorker(config);
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
