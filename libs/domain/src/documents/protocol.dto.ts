// The protocol's query: the ranking method (the same choice GET /results offers).
import { PickType } from '@nestjs/swagger';
import { ResultsQuery } from '../jury/dto/jury.dto';

export class ProtocolQuery extends PickType(ResultsQuery, ['method'] as const) {}
