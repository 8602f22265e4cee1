import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity';

/** SQL for users. None of it runs inside a ledger transaction. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Inserts a user; undefined when the username is taken (the unique index decides races). */
  async insert(username: string): Promise<UserEntity | undefined> {
    const rows: Array<{ id: string; username: string; created_at: Date }> = await this.users.query(
      `INSERT INTO users (username) VALUES ($1) ON CONFLICT (username) DO NOTHING RETURNING id, username, created_at`,
      [username],
    );
    if (rows.length === 0) return undefined;
    return this.users.create({ id: rows[0].id, username: rows[0].username, createdAt: rows[0].created_at });
  }

  /** @param id a well-formed, lower-case user id */
  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }
}
