import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HuidigeActor, type RequestActor } from '../actor';

export interface IkWeergave {
  readonly actor: string;
  readonly rol: RequestActor['rol'];
  readonly partijId: string | null;
  readonly programmaId: string | null;
  readonly via: RequestActor['via'];
}

/** Who the key or token belongs to, so a client can show what this role may do (the API still decides). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('ik')
export class IkController {
  @Get()
  @ApiOperation({ summary: 'Wie ben ik: actor, rol, partij en programma van deze sleutel of dit token' })
  ik(@HuidigeActor() actor: RequestActor): IkWeergave {
    return { actor: actor.id, rol: actor.rol, partijId: actor.partijId ?? null, programmaId: actor.programmaId, via: actor.via };
  }
}
