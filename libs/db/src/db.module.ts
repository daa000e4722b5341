import { Global, Module } from '@nestjs/common';
import { TransactionHost } from './transaction-host';

@Global()
@Module({ providers: [TransactionHost], exports: [TransactionHost] })
export class DbModule {}
