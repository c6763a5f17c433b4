// The worker refuses to boot when a registered job name has no handler.
import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandlerRegistry, MissingJobHandlerError } from '@app/core';

@Injectable()
@HandlesJob('outbox.dispatch')
class OnlyDispatch {
  async handle() {
    return null;
  }
}

describe('JobHandlerRegistry', () => {
  it('refuses to start when a job name has no handler', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [JobHandlerRegistry, OnlyDispatch],
    }).compile();
    await expect(moduleRef.init()).rejects.toThrow(MissingJobHandlerError);
    await expect(moduleRef.init()).rejects.toThrow(/no handler for 'outbox.sweep' \(queue maintenance\)/);
  });
});
