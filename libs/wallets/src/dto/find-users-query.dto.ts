import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class FindUsersQueryDto {
  /** The exact username to look up. */
  @ApiProperty({ example: 'alice', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  username!: string;
}
