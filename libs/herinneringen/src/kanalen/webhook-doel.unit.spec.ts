import { isPubliekAdres, veiligeLookup, webhookUrlProbleem } from './webhook-doel';

describe('Een webhook-adres', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['93.184.216.34', true],
    ['2606:4700:4700::1111', true],
  ])('%s is publiek: %s', (adres, publiek) => expect(isPubliekAdres(adres)).toBe(publiek));

  it.each([
    'http://127.0.0.1:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:5432/',
    'http://[::ffff:7f00:1]/',
    'http://localhost:8080/hook',
    'http://api.localhost/hook',
    'http://10.0.0.5/hook',
  ])('dat naar binnen wijst (%s), wordt geweigerd', (url) => expect(webhookUrlProbleem(url, [])).toMatch(/intern adres/));

  it('wordt toegestaan als WEBHOOK_TOEGESTANE_HOSTS de host noemt, met elke poort of alleen de genoemde', () => {
    expect(webhookUrlProbleem('http://127.0.0.1:41000/hook', ['127.0.0.1'])).toBeNull();
    expect(webhookUrlProbleem('http://127.0.0.1:41000/hook', ['127.0.0.1:41000'])).toBeNull();
    expect(webhookUrlProbleem('http://127.0.0.1:41001/hook', ['127.0.0.1:41000'])).toMatch(/intern adres/);
    expect(webhookUrlProbleem('http://[::1]:5432/', ['[::1]'])).toBeNull();
  });

  it('met een publieke naam of een publiek adres is goed (de naam wordt bij het versturen opgezocht)', () => {
    expect(webhookUrlProbleem('https://ocw.example/hook', [])).toBeNull();
    expect(webhookUrlProbleem('https://93.184.216.34/hook', [])).toBeNull();
  });

  it('weigert een ander protocol en een wachtwoord in de URL', () => {
    expect(webhookUrlProbleem('ftp://ocw.example/hook', [])).toMatch(/http/);
    expect(webhookUrlProbleem('https://jan:geheim@ocw.example/hook', [])).toMatch(/wachtwoord/);
  });

  it('bij het versturen: een naam die naar een intern adres wijst, wordt na de DNS-vraag geweigerd', async () => {
    // localhost comes from the hosts file: no query leaves this machine.
    const fout = await new Promise<Error | null>((resolve) => veiligeLookup('localhost', {}, (error) => resolve(error)));
    expect(fout).toMatchObject({ name: 'InternAdresFout', message: expect.stringMatching(/^localhost wijst naar een intern adres/) });
  });
});
