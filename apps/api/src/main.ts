// Production entry point of the API (the worker runs as its own process: apps/worker).
import { loadConfigOrExit } from '@app/core';
import { createApi } from '@app/api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApi(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
