// People's data over HTTP: the download of one's own data, and the erasure a coordinator performs.
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserDto } from '../../accounts/dto/auth.dto';

const records = (description: string) => ({ type: 'array', items: { type: 'object', additionalProperties: true }, description }) as const;

export class PersonalDataView {
  @ApiProperty({ type: String, format: 'date-time', description: 'When this export was made' }) exportedAt!: Date;
  @ApiProperty({ type: UserDto }) account!: UserDto;
  @ApiProperty(records('Roles held: role, edition year, city, country of origin and languages (jurors), when granted')) grants!: unknown[];
  @ApiProperty(records('Reports started or submitted, with their practices')) reports!: unknown[];
  @ApiProperty(records('Scores given, with their comments')) scores!: unknown[];
  @ApiProperty(records('Conflicts of interest declared')) conflicts!: unknown[];
  @ApiProperty(records('Deliberation notes written')) notes!: unknown[];
  @ApiProperty(records('Comments written in the deliberation threads of practices')) practiceComments!: unknown[];
  @ApiProperty(records('Votes recorded on awards')) awardVotes!: unknown[];
  @ApiProperty(records('Notifications addressed to the person')) notifications!: unknown[];
  @ApiProperty(records('Sign-in sessions with their address')) sessions!: unknown[];
  @ApiProperty(records('The person’s own actions in the audit trail (latest 1,000)')) activity!: unknown[];
}

export class EraseUserDto {
  @ApiProperty({ description: 'Why the person is erased (kept in the audit trail; do not repeat their name)', maxLength: 500 })
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason!: string;
}

export class ErasedUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The name that now stands for the person in reports, scores and lists' }) pseudonym!: string;
  @ApiProperty({ type: String, format: 'date-time' }) erasedAt!: Date;
}
