import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { beveiligHttp } from './beveiliging/http-beveiliging';
import { stilleOpstart } from './beveiliging/logging';
import { serveerWeb } from './web/web';

export { YAML_TYPES } from './beveiliging/http-beveiliging';

/** Everything main.ts and the e2e tests configure alike on the Nest application. */
export const configureApp = (app: NestExpressApplication): NestExpressApplication => {
  app.useLogger(stilleOpstart(app.get(Logger)));
  beveiligHttp(app);
  serveerWeb(app);
  app.disable('x-powered-by');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Afspraken Tracker')
      .setDescription(
        'Afspraken van publieke programma’s (zoals TAZ) als events: vastleggen, voortgang, levering, herplanning en geschiedenis. ' +
          'Elke wijziging is een event. Stuur `Idempotency-Key` mee om een commando veilig te herhalen, en `If-Match: "<revisie>"` om een gelijktijdige wijziging als 409 terug te krijgen.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API-sleutel (afs_…) of JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
};
