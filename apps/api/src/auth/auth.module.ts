import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, ApiKeyStore, type AppConfig } from '@afspraken/platform';
import { AuthGuard } from './auth.guard';
import { IkController } from './ik/ik.controller';
import { JwtVerifier } from './jwt-verifier';
import { SleutelThrottlerGuard } from './sleutel-throttler.guard';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: [{ ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
    }),
  ],
  controllers: [IkController],
  // Order matters: who it is first (AuthGuard), then their rate limit.
  providers: [ApiKeyStore, JwtVerifier, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_GUARD, useClass: SleutelThrottlerGuard }],
  exports: [ApiKeyStore],
})
export class AuthModule {}
