// Consumer side of the registry: handlers declare the job they handle; the worker checks at boot
// that every registered job name has exactly one handler.
import { Injectable, OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Job } from 'bullmq';
import { JOB_NAMES, JOB_QUEUE, JobName, JobPayloads } from './queue.registry';

const JOB_HANDLER = Symbol('job-handler');

export interface JobHandler<J extends JobName> {
  handle(data: JobPayloads[J], job: Job<JobPayloads[J]>): Promise<unknown>;
}

/** Marks a provider as the handler of one job name. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export class MissingJobHandlerError extends Error {
  override name = 'MissingJobHandlerError';
}

@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(private readonly discovery: DiscoveryService, private readonly reflector: Reflector) {}

  onModuleInit(): void {
    this.handlers.clear();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!type || !wrapper.instance || typeof type !== 'function') continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, type);
      if (!name) continue;
      if (this.handlers.has(name)) throw new MissingJobHandlerError(`job '${name}' has two handlers`);
      this.handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
    const missing = JOB_NAMES.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) {
      throw new MissingJobHandlerError(
        `refusing to start: no handler for ${missing.map((name) => `'${name}' (queue ${JOB_QUEUE[name]})`).join(', ')}`,
      );
    }
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    // A job name outside the registry cannot be processed by this build: fail it loudly.
    if (!handler) throw new Error(`no handler for job '${job.name}'`);
    return handler.handle(job.data, job);
  }
}
