import { DomainException, ErrorCode, UserNotFoundException } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity';
import { isUserId, normalizeUserId } from './validation/patterns';

export class UsernameTakenException extends DomainException {
  constructor(username: string) {
    super(ErrorCode.USERNAME_TAKEN, `The username ${username} is already taken.`);
  }
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Creates a user; the unique index decides races between two requests for one username. */
  async create(username: string): Promise<UserEntity> {
    const rows: Array<{ id: string; username: string; created_at: Date }> = await this.users.query(
      `INSERT INTO users (username) VALUES ($1) ON CONFLICT (username) DO NOTHING RETURNING id, username, created_at`,
      [username],
    );
    if (rows.length === 0) throw new UsernameTakenException(username);
    return this.users.create({ id: rows[0].id, username: rows[0].username, createdAt: rows[0].created_at });
  }

  /** The user with this id, or USER_NOT_FOUND whatever the id's shape. */
  async require(id: string): Promise<UserEntity> {
    const user = isUserId(id) ? await this.users.findOneBy({ id: normalizeUserId(id) }) : null;
    if (!user) throw new UserNotFoundException(id);
    return user;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }
}
