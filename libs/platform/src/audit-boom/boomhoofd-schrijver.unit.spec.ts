import { moetOndertekenen } from './boomhoofd-schrijver';

const ritme = { elkeEvents: 1000, elkeMinuten: 60 };
const laatste = { grootte: 500, tijdstip: '2023-07-10T09:00:00.000Z' };
const om = (tijd: string) => new Date(`2023-07-10T${tijd}:00.000Z`);

describe('Wanneer de boomschrijver een boomhoofd ondertekent', () => {
  it('het eerste zodra er een blad is', () => {
    expect(moetOndertekenen(0, null, om('09:00'), ritme)).toBe(false);
    expect(moetOndertekenen(1, null, om('09:00'), ritme)).toBe(true);
  });
  it('na N nieuwe events', () => {
    expect(moetOndertekenen(1499, laatste, om('09:01'), ritme)).toBe(false);
    expect(moetOndertekenen(1500, laatste, om('09:01'), ritme)).toBe(true);
  });
  it('na M minuten, maar alleen als de boom gegroeid is', () => {
    expect(moetOndertekenen(501, laatste, om('09:59'), ritme)).toBe(false);
    expect(moetOndertekenen(501, laatste, om('10:00'), ritme)).toBe(true);
    expect(moetOndertekenen(500, laatste, om('23:00'), ritme)).toBe(false);
  });
});
