import { DomainException, ErrorCode, UserNotFoundException } from '@app/common';
import { Injectable } from '@nestjs/common';
import { UserEntity } from './entities/user.entity';
import { UsersRepository } from './users.repository';
import { isUserId, normalizeUserId } from './validation/patterns';

export class UsernameTakenException extends DomainException {
  constructor(username: string) {
    super(ErrorCode.USERNAME_TAKEN, `The username ${username} is already taken.`);
  }
}

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** Creates a user; the unique index decides races between two requests for one username. */
  async create(username: string): Promise<UserEntity> {
    const user = await this.users.insert(username);
    if (!user) throw new UsernameTakenException(username);
    return user;
  }

  /** The user with this id, or USER_NOT_FOUND whatever the id's shape. */
  async require(id: string): Promise<UserEntity> {
    const user = isUserId(id) ? await this.users.findById(normalizeUserId(id)) : null;
    if (!user) throw new UserNotFoundException(id);
    return user;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findByUsername(username);
  }
}
