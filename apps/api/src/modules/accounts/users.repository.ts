import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost, UserEntity } from '@juntos/db';

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionHost) {}

  async findById(id: string): Promise<UserEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(UserEntity, { where: { id } });
  }

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    const em = await this.tx.manager();
    return em.find(UserEntity, { where: { id: In([...ids]) } });
  }

  /** For sign-in and invitations, before any local is known. */
  async findByEmail(email: string): Promise<UserEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(UserEntity, { where: { email } });
  }

  async insert(
    u: Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'isPlatformAdmin'>,
  ): Promise<UserEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(UserEntity, u));
  }

  /** Null when the email already has an account, even one created by a concurrent transaction. */
  async insertIfAbsent(
    u: Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'isPlatformAdmin'>,
  ): Promise<UserEntity | null> {
    const em = await this.tx.manager();
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(u)
      .orIgnore()
      .returning('id')
      .execute();
    const id = (res.raw as { id: string }[])[0]?.id;
    return id ? this.findById(id) : null;
  }

  async exists(): Promise<boolean> {
    const em = await this.tx.manager();
    const rows: unknown[] = await em.query('select 1 from app_user limit 1');
    return rows.length > 0;
  }
}
