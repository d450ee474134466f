import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EventStore } from '@afspraken/event-store';
import { Public, Rollen } from '../auth/actor';

export type Gezondheid = 'up' | 'down';

export interface HealthDetails {
  readonly status: Gezondheid;
  readonly onderdelen: {
    readonly eventStore: { readonly status: Gezondheid; readonly adapter: string; readonly positie: number | null; readonly fout: string | null };
  };
}

/**
 * An error text without what an attacker could use: URLs (with their user and password),
 * `password=`-style parameters, user names and host:port addresses.
 */
export const zonderGeheimen = (tekst: string): string =>
  tekst
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    .replace(/\b(password|passwd|pwd|wachtwoord|secret|token)=[^&\s;]*/gi, '$1=[verborgen]')
    .replace(/\b(user|gebruiker|role)\s+"[^"]*"/gi, '$1 [verborgen]')
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b|\[[0-9a-f:]+\](?::\d+)?|\b[a-z0-9.-]+\.[a-z]{2,}:\d+\b/gi, '[adres]');

/** Public: up or down, nothing else. The details (per component, scrubbed) are for coordinators. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Leeft de dienst en bereikt hij zijn opslag? Alleen up of down (503)' })
  async check(@Res({ passthrough: true }) response: Response): Promise<{ status: Gezondheid }> {
    const { status } = await this.details();
    if (status === 'down') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status };
  }

  @Get('details')
  @ApiBearerAuth()
  @Rollen('coordinator')
  @ApiOperation({ summary: 'Per onderdeel up of down, met de positie van de event store; foutteksten zonder URL, adres of inloggegevens' })
  async detailsVoorCoordinator(@Res({ passthrough: true }) response: Response): Promise<HealthDetails> {
    const details = await this.details();
    if (details.status === 'down') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return details;
  }

  private async details(): Promise<HealthDetails> {
    const adapter = this.store.adapter;
    try {
      const positie = await this.store.headPosition();
      return { status: 'up', onderdelen: { eventStore: { status: 'up', adapter, positie, fout: null } } };
    } catch (error) {
      return { status: 'down', onderdelen: { eventStore: { status: 'down', adapter, positie: null, fout: zonderGeheimen((error as Error).message ?? String(error)) } } };
    }
  }
}
