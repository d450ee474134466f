import { ValidationError } from '../shared/errors';

/**
 * When a programme reminds and escalates. Reminder days fall before the due date; the escalations
 * follow it. Everything is in whole days so a coordinator can read and set it.
 */
export interface Herinneringsbeleid {
  /** Reminders to the trekker and betrokken parties this many days before the due date. */
  readonly dagenVoor: readonly number[];
  /** A reminder on the due date itself. */
  readonly opDeadline: boolean;
  /** Escalation to the programme coordinator this many working days after the due date; null: none. */
  readonly escalatieNaWerkdagen: number | null;
  /** Onto the agenda of the first Bestuurlijk Overleg at least this many days after the due date; null: never. */
  readonly bestuurlijkOverlegNaDagen: number | null;
  /** Hour of the day (Europe/Amsterdam) reminders go out. */
  readonly uur: number;
  /**
   * Rungs whose moment passed more than this many days ago are not scheduled, so importing an old
   * programme or rebuilding the schedule never floods anyone with stale reminders.
   */
  readonly inhaalDagen: number;
}

export const STANDAARD_BELEID: Herinneringsbeleid = {
  dagenVoor: [90, 30, 7],
  opDeadline: true,
  escalatieNaWerkdagen: 1,
  bestuurlijkOverlegNaDagen: 30,
  uur: 9,
  inhaalDagen: 7,
};

const geheel = (value: unknown, min: number, max: number, field: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError('ONGELDIG_GETAL', `${field} moet een geheel getal van ${min} tot en met ${max} zijn`, field);
  }
  return value;
};

/** Checks a policy as a coordinator sends it; the days before are kept distinct, furthest first. */
export const controleerBeleid = (beleid: Herinneringsbeleid): Herinneringsbeleid => {
  if (!Array.isArray(beleid.dagenVoor) || beleid.dagenVoor.length > 10) {
    throw new ValidationError('ONGELDIGE_LIJST', 'dagenVoor moet een lijst van hoogstens 10 getallen zijn', 'dagenVoor');
  }
  const dagenVoor = [...new Set(beleid.dagenVoor.map((d, i) => geheel(d, 1, 730, `dagenVoor.${i}`)))].sort((a, b) => b - a);
  return {
    dagenVoor,
    opDeadline: beleid.opDeadline === true,
    escalatieNaWerkdagen: beleid.escalatieNaWerkdagen === null ? null : geheel(beleid.escalatieNaWerkdagen, 0, 60, 'escalatieNaWerkdagen'),
    bestuurlijkOverlegNaDagen:
      beleid.bestuurlijkOverlegNaDagen === null ? null : geheel(beleid.bestuurlijkOverlegNaDagen, 0, 365, 'bestuurlijkOverlegNaDagen'),
    uur: geheel(beleid.uur, 0, 23, 'uur'),
    inhaalDagen: geheel(beleid.inhaalDagen, 0, 365, 'inhaalDagen'),
  };
};
