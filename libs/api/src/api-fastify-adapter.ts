// Nest's FastifyAdapter, with two changes to what runs on every request:
// - The liveness probe is answered by the first onRequest hook of the instance, added as the adapter
//   receives it and so before the adapter's own six (see liveness.ts).
// - The adapter's onResponse hook is left out. It only runs a hook given to setOnResponseHook(),
//   which nothing in Nest or this app calls (that setter now throws), and its mere presence makes
//   Fastify put 'finish' and 'error' listeners on every response and run the onResponse chain.
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, RawServerDefault } from 'fastify';
import { answerLivenessFirst } from './liveness';

type AdapterOptions = ConstructorParameters<typeof FastifyAdapter<RawServerDefault>>[0];

/** The original addHook of instances whose adapter is still being constructed. */
const addHookDuringConstruction = new WeakMap<FastifyInstance, FastifyInstance['addHook']>();

export class ApiFastifyAdapter extends FastifyAdapter<RawServerDefault> {
  constructor(options: AdapterOptions) {
    super(options);
    const fastify = this.getInstance<FastifyInstance>();
    fastify.addHook = addHookDuringConstruction.get(fastify)!;
    addHookDuringConstruction.delete(fastify);
  }

  /** Called by FastifyAdapter's constructor with the new instance, before it adds its hooks. */
  override setInstance<T>(instance: T): void {
    super.setInstance(instance);
    const fastify = instance as unknown as FastifyInstance;
    answerLivenessFirst(fastify);
    const addHook = fastify.addHook;
    addHookDuringConstruction.set(fastify, addHook);
    const withoutOnResponse = function (this: FastifyInstance, name: string, ...rest: unknown[]) {
      if (name === 'onResponse') return this;
      return (addHook as (...args: unknown[]) => FastifyInstance).call(this, name, ...rest);
    };
    fastify.addHook = withoutOnResponse as FastifyInstance['addHook'];
  }

  override setOnResponseHook(): never {
    throw new Error('ApiFastifyAdapter does not run an onResponse hook of the adapter: add a Fastify onResponse hook instead');
  }
}
