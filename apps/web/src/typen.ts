/**
 * The API's own read-model and domain types, so the UI and the API cannot drift: a field renamed
 * there fails `npm run typecheck` here. `import type` only: nothing of the server ends up in the bundle.
 */
export type { AfspraakStatusWeergave, Lijst, MijlpaalRegel, PartijAfspraken, ProgrammaOverzicht, Telling, ZonderTermijnRegel } from '@afspraken/read-models';
export type { BestaandeAfspraak, Bewijs, DeadlineStatus, Mijlpaal, Stoplicht, VoortgangRapport } from '@afspraken/domain';
export type { InboxItem } from '@afspraken/herinneringen';
export type { IkWeergave } from '../../api/src/auth/ik/ik.controller';
export type { AfspraakWeergave } from '../../api/src/afspraken/toon/toon';
export type { ProgrammaWeergave } from '../../api/src/programmas/toon/toon';
export type { PartijWeergave } from '../../api/src/partijen/toon/toon';
export type { SleutelWeergave } from '../../api/src/sleutels/shared';
export type { NieuweSleutel } from '../../api/src/sleutels/maken/sleutel-maken.controller';
export type { HistorieRegel, ProgrammaOverzicht as AuditOverzicht } from '@afspraken/audit';
export type { IndicatorRegel } from '../../api/src/overzichten/indicatoren/indicatoren';
