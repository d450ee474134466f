import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyStore } from './api-key.store';
import { AuthGuard } from './auth.guard';

@Module({
  providers: [ApiKeyStore, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeyStore],
})
export class AuthModule {}

/** The key store alone, for the CLI (no HTTP guard there). */
@Module({ providers: [ApiKeyStore], exports: [ApiKeyStore] })
export class ApiKeyModule {}
