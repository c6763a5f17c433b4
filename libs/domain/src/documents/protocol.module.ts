// The jury's protocol (PDF), generated on demand for the coordinator.
import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { JuryModule } from '../jury/jury.module';
import { ProtocolRepository } from './protocol.repository';
import { ProtocolService } from './protocol.service';

@Module({ imports: [JuryModule, DecisionsModule], providers: [ProtocolService, ProtocolRepository], exports: [ProtocolService] })
export class ProtocolModule {}
