// A bare Fastify process for a baseline: `BASELINE_MODULE=health-live PORT=… node dist/bench/baselines/server.js`.
// The module registers the routes doing the same work as the app's endpoint, without the framework
// around it (no Nest, no helmet, no logging), so the ratio app/baseline shows what that costs.
import { join } from 'node:path';
import Fastify, { FastifyInstance } from 'fastify';

export interface BaselineModule {
  register(app: FastifyInstance, env: NodeJS.ProcessEnv): Promise<void> | void;
  /** Closes pools and the like on shutdown. */
  close?(): Promise<void>;
}

async function main(): Promise<void> {
  const name = process.env.BASELINE_MODULE ?? '';
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`BASELINE_MODULE must name a module in bench/baselines (got "${name}")`);
  const baseline = require(join(__dirname, name)) as BaselineModule;
  const app = Fastify({ logger: false });
  await baseline.register(app, process.env);
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
  const stop = async () => {
    await app.close();
    await baseline.close?.();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`baseline failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
