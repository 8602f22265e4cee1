import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { USERNAME_PATTERN } from '../validation/patterns';

export class CreateUserDto {
  /** 3–64 characters of letters, digits, `_`, `.` and `-`; unique. */
  @ApiProperty({ example: 'carol', minLength: 3, maxLength: 64, pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'must be 3 to 64 characters of letters, digits, _ . -' })
  username!: string;
}
