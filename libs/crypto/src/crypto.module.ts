import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FieldCipher } from './field-cipher';

/** Retired keys from a comma-separated list. */
export const retiredKeys = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);

/** The notes cipher, from NOTES_ENCRYPTION_KEY and NOTES_ENCRYPTION_KEYS_OLD. */
@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new FieldCipher(
          config.getOrThrow<string>('NOTES_ENCRYPTION_KEY'),
          retiredKeys(config.get<string>('NOTES_ENCRYPTION_KEYS_OLD')),
        ),
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
