import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity } from '../entities/user.entity';

export class UserResponseDto {
  /** Opaque; name the user with it in every other call. */
  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  id!: string;

  @ApiProperty({ example: 'alice' })
  username!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T21:15:00.123Z' })
  createdAt!: string;

  static toResponse(user: UserEntity): UserResponseDto {
    return { id: user.id, username: user.username, createdAt: user.createdAt.toISOString() };
  }
}

export class UserListResponseDto {
  @ApiProperty({ type: [UserResponseDto] })
  data!: UserResponseDto[];
}
