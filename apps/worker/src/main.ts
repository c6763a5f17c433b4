// Production entry point of the worker: queue processors and scheduled jobs, no HTTP.
import { loadConfigOrExit } from '@app/core';
import { createWorker } from '@app/worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await createWorker(config);
}

main().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
