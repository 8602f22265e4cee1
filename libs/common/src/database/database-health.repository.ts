import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The readiness probe's statement, sent on TypeORM's pool like any request's. */
@Injectable()
export class DatabaseHealthRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
