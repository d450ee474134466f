import { auth, hs256, JWT_ENV, seed, unsigned } from './fixtures';
import { startSecurityApp, type SecurityApp } from './security-app';

/**
 * Hostile and malformed requests: every one is answered with a 4xx and a JSON error that says
 * what is wrong (naming the field where there is one), never a 5xx, and the event store is the
 * same afterwards. One table, one row per attack.
 */

type Wie = 'coordinator' | 'coordinatorTaz' | 'vws' | 'ocw' | 'sbb' | 'auditor' | 'vwsAnderJwt';

interface Geval {
  readonly naam: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  /** Whose credentials; or a raw Authorization header (a function of the tokens made in beforeAll). */
  readonly als?: Wie | ((t: Tokens) => string | null);
  readonly headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent byte for byte (with `type`). */
  readonly body?: object | string;
  readonly type?: string;
  readonly status: number;
  readonly code?: string;
  readonly veld?: string;
}

interface Tokens extends Record<Wie, string> {
  readonly ingetrokken: string;
  readonly verlopen: string;
  readonly vervalst: string;
  readonly algNone: string;
  readonly verkeerdPubliek: string;
  readonly verkeerdeUitgever: string;
  readonly rolSysteem: string;
  readonly partijZonderPartij: string;
  readonly nogNietGeldig: string;
  readonly zonderSub: string;
  readonly zonderVervaltijd: string;
  readonly dertigJaarGeldig: string;
  readonly langGeledenUitgegeven: string;
}

const VOORTGANG = '/afspraken/TEST-1/voortgang';
const voortgang = (extra: object = {}) => ({ partijId: 'vws', percentage: 40, toelichting: 'Kwartiermakers geworven', ...extra });
const rauw = (json: string) => ({ body: json, type: 'application/json' });
const diep = (n: number) => `{"partijId":"vws","percentage":40,"toelichting":"x","bewijs":${'['.repeat(n)}${']'.repeat(n)}}`;
const YAML_BOM = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
const nieuweAfspraak = (extra: object = {}) => ({
  afspraakId: 'TEST-NIEUW',
  programmaId: 'TAZ',
  titel: 'Nieuw',
  tekst: 'Tekst',
  trekker: 'vws',
  deadlines: [{ omschrijving: 'Klaar', phrase: 'uiterlijk Q4 2023' }],
  ...extra,
});

const GEVALLEN: Geval[] = [
  // --- size, shape and encoding of the body
  { naam: 'body groter dan 1 MB', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: 'x'.repeat(1_100_000) }), status: 413, code: 'TE_GROOT' },
  { naam: 'YAML groter dan 5 MB', method: 'post', path: '/programmas/import', als: 'coordinator', body: `# ${'x'.repeat(5_300_000)}\n`, type: 'application/yaml', status: 413, code: 'TE_GROOT' },
  { naam: '10 000 niveaus diep geneste JSON', method: 'post', path: VOORTGANG, als: 'vws', ...rauw(diep(10_000)), status: 400, code: 'TE_DIEP_GENEST' },
  { naam: '40 niveaus diep geneste JSON', method: 'post', path: VOORTGANG, als: 'vws', ...rauw(diep(40)), status: 400, code: 'TE_DIEP_GENEST' },
  { naam: 'ongeldige JSON', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('{"partijId": "vws",'), status: 400, code: 'ONGELDIGE_JSON' },
  { naam: 'JSON null als body', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('null'), status: 400 },
  { naam: 'JSON-string als body', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('"hallo"'), status: 400 },
  { naam: 'JSON-array als body', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('[1,2,3]'), status: 400, veld: '(body)' },
  { naam: 'text/plain in plaats van JSON', method: 'post', path: VOORTGANG, als: 'vws', body: JSON.stringify(voortgang()), type: 'text/plain', status: 415, code: 'ONGELDIG_CONTENT_TYPE' },
  { naam: 'formulier in plaats van JSON', method: 'post', path: VOORTGANG, als: 'vws', body: 'partijId=vws&percentage=40', type: 'application/x-www-form-urlencoded', status: 415 },
  { naam: 'XML in plaats van JSON', method: 'post', path: VOORTGANG, als: 'vws', body: '<voortgang><percentage>40</percentage></voortgang>', type: 'application/xml', status: 415 },
  { naam: 'JSON in Latin-1 aangekondigd', method: 'post', path: VOORTGANG, als: 'vws', body: JSON.stringify(voortgang()), type: 'application/json; charset=latin1', status: 415, code: 'ONGELDIGE_TEKENSET' },
  { naam: 'YAML in ISO-8859-1 aangekondigd', method: 'post', path: '/programmas/import', als: 'coordinator', body: 'versie: 1\n', type: 'application/yaml; charset=iso-8859-1', status: 415, code: 'ONGELDIGE_TEKENSET' },
  { naam: 'CSV in Windows-1252 aangekondigd', method: 'post', path: '/programmas/TAZ/afspraken/import', als: 'coordinator', body: 'afspraakId\n', type: 'text/csv; charset=windows-1252', status: 415, code: 'ONGELDIGE_TEKENSET' },
  { naam: 'JSON als UTF-16 aangekondigd maar UTF-8 gestuurd', method: 'post', path: VOORTGANG, als: 'vws', body: JSON.stringify(voortgang()), type: 'application/json; charset=utf-16', status: 400, code: 'ONGELDIGE_JSON' },
  { naam: 'gzip-codering die geen gzip is', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'Content-Encoding': 'gzip' }, body: voortgang(), status: 400 },
  { naam: 'onbekende Content-Encoding', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'Content-Encoding': 'br2' }, body: voortgang(), status: 415, code: 'ONGELDIGE_CODERING' },
  { naam: '__proto__ in de body (prototype pollution)', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('{"partijId":"vws","percentage":40,"toelichting":"x","__proto__":{"rol":"coordinator"}}'), status: 400, veld: '(body)' },
  { naam: 'constructor.prototype in de body', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('{"partijId":"vws","percentage":40,"toelichting":"x","constructor":{"prototype":{"rol":"coordinator"}}}'), status: 400, veld: '(body)' },
  { naam: 'onbekend veld (rol) in de body', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ rol: 'coordinator' }), status: 400, veld: '(body)' },
  { naam: 'onbekend veld in een bewijsstuk', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ bewijs: [{ url: 'https://example.org', titel: 'x', geheim: 1 }] }), status: 400, veld: 'bewijs.0' },
  // --- wrong types and impossible numbers
  { naam: 'percentage als tekst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ percentage: '40' }), status: 400, veld: 'percentage' },
  { naam: 'negatief percentage', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ percentage: -1 }), status: 400, veld: 'percentage' },
  { naam: 'percentage boven 100', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ percentage: 101 }), status: 400, veld: 'percentage' },
  { naam: 'percentage 1e309 (oneindig)', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('{"partijId":"vws","percentage":1e309,"toelichting":"x"}'), status: 400, veld: 'percentage' },
  { naam: 'percentage met decimalen', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ percentage: 40.5 }), status: 400, veld: 'percentage' },
  { naam: 'percentage null', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ percentage: null }), status: 400, veld: 'percentage' },
  { naam: 'partijId als getal', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ partijId: 123 }), status: 400, veld: 'partijId' },
  { naam: 'toelichting als lijst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: ['a'] }), status: 400, veld: 'toelichting' },
  { naam: 'bewijs als tekst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ bewijs: 'https://example.org' }), status: 400, veld: 'bewijs' },
  { naam: 'javascript:-link als bewijs', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ bewijs: [{ url: 'javascript:alert(1)', titel: 'x' }] }), status: 400, veld: 'bewijs.0.url' },
  { naam: 'data:-link als bewijs', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ bewijs: [{ url: 'data:text/html,<script>alert(1)</script>', titel: 'x' }] }), status: 400, veld: 'bewijs.0.url' },
  { naam: '51 bewijsstukken', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ bewijs: Array.from({ length: 51 }, () => ({ url: 'https://example.org', titel: 'x' })) }), status: 400, veld: 'bewijs' },
  { naam: 'effectiefOp is geen datum', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ effectiefOp: 'gisteren' }), status: 400, veld: 'effectiefOp' },
  { naam: 'effectiefOp 30 februari', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ effectiefOp: '2023-02-30' }), status: 400, veld: 'effectiefOp' },
  // --- unicode oddities and text
  { naam: 'losse surrogaat in tekst', method: 'post', path: VOORTGANG, als: 'vws', ...rauw('{"partijId":"vws","percentage":40,"toelichting":"a\\ud800b"}'), status: 400, veld: 'toelichting' },
  { naam: 'NUL-teken in tekst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: 'nul\u0000byte' }), status: 400, veld: 'toelichting' },
  { naam: 'belteken en escape in tekst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: 'ding\u0007\u001b[31m' }), status: 400, veld: 'toelichting' },
  { naam: 'RTL-override in tekst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: 'factuur\u202Efdp.exe' }), status: 400, veld: 'toelichting' },
  { naam: 'tekst van 20 001 tekens', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: 'x'.repeat(20_001) }), status: 400, veld: 'toelichting' },
  { naam: 'alleen spaties als tekst', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ toelichting: '   \n\t ' }), status: 400, veld: 'toelichting' },
  { naam: 'titel van 301 tekens', method: 'post', path: '/afspraken', als: 'coordinator', body: nieuweAfspraak({ titel: 'é'.repeat(301) }), status: 400, veld: 'titel' },
  { naam: '101 betrokken partijen', method: 'post', path: '/afspraken', als: 'coordinator', body: nieuweAfspraak({ betrokken: Array.from({ length: 101 }, (_, i) => `p${i}`) }), status: 400, veld: 'betrokken' },
  { naam: 'onleesbare deadline', method: 'post', path: '/afspraken', als: 'coordinator', body: nieuweAfspraak({ deadlines: [{ omschrijving: 'x', phrase: 'uiterlijk Q5 2023' }] }), status: 400, veld: 'deadlines.0.phrase' },
  { naam: 'deadline in het jaar 99999', method: 'post', path: '/afspraken', als: 'coordinator', body: nieuweAfspraak({ deadlines: [{ omschrijving: 'x', phrase: 'uiterlijk Q2 99999' }] }), status: 400, veld: 'deadlines.0.phrase' },
  // --- what ends up in a mail header (To, Subject) is one line
  { naam: 'CR/LF in de naam van een contact', method: 'post', path: '/partijen/vws/contacten', als: 'coordinator', body: { naam: 'Jan\r\nBcc: iedereen@evil.example', email: 'jan@vws.nl' }, status: 400, veld: 'naam' },
  { naam: 'regeleinde in de titel van een afspraak', method: 'post', path: '/afspraken', als: 'coordinator', body: nieuweAfspraak({ titel: 'Nieuw\nBcc: iedereen@evil.example' }), status: 400, veld: 'titel' },
  { naam: 'tab in de naam van een partij', method: 'post', path: '/partijen', als: 'coordinator', body: { partijId: 'nieuw', naam: 'Nieuw\tBcc', soort: 'overig' }, status: 400, veld: 'naam' },
  { naam: 'regelscheider U+2028 in de naam van een contact', method: 'post', path: '/partijen/vws/contacten', als: 'coordinator', body: { naam: 'Jan\u2028Bcc', email: 'jan@vws.nl' }, status: 400, veld: 'naam' },
  { naam: 'regeleinde in een titel uit een CSV', method: 'post', path: '/programmas/TAZ/afspraken/import', als: 'coordinator', body: 'afspraakId,opgaveId,titel,tekst,trekker\nTEST-2,TAZ-O1,"Titel\r\nBcc: x@evil.example",Tekst,vws\n', type: 'text/csv', status: 400, veld: 'rij 2, titel' },
  { naam: 'regeleinde in een titel uit YAML', method: 'post', path: '/programmas/import', als: 'coordinator', body: 'versie: 1\nafspraken:\n  - titel: "Titel\\r\\nBcc: x@evil.example"\n', type: 'application/yaml', status: 400, veld: 'afspraken.0.titel' },
  // --- webhooks that would reach inside
  { naam: 'webhook naar Redis op 127.0.0.1:6379', method: 'post', path: '/partijen/vws/contacten', als: 'coordinator', body: { naam: 'Hook', email: 'hook@vws.nl', kanaal: 'webhook', webhookUrl: 'http://127.0.0.1:6379/' }, status: 400, code: 'ONVEILIGE_WEBHOOK', veld: 'webhookUrl' },
  { naam: 'webhook naar de cloud-metadata op 169.254.169.254', method: 'post', path: '/partijen/vws/contacten', als: 'coordinator', body: { naam: 'Hook', email: 'hook@vws.nl', kanaal: 'webhook', webhookUrl: 'http://169.254.169.254/latest/meta-data/' }, status: 400, code: 'ONVEILIGE_WEBHOOK', veld: 'webhookUrl' },
  { naam: 'webhook naar PostgreSQL op [::1]:5432', method: 'post', path: '/partijen/vws/contacten', als: 'coordinator', body: { naam: 'Hook', email: 'hook@vws.nl', kanaal: 'webhook', webhookUrl: 'http://[::1]:5432/' }, status: 400, code: 'ONVEILIGE_WEBHOOK', veld: 'webhookUrl' },
  { naam: 'webhook naar localhost', method: 'post', path: '/partijen/vws/contacten', als: 'coordinator', body: { naam: 'Hook', email: 'hook@vws.nl', kanaal: 'webhook', webhookUrl: 'http://localhost:8080/hook' }, status: 400, code: 'ONVEILIGE_WEBHOOK', veld: 'webhookUrl' },
  // --- ids and paths
  { naam: 'padtraversal in een id', method: 'get', path: '/afspraken/..%2F..%2Fetc%2Fpasswd', als: 'coordinator', status: 400, veld: 'afspraakId' },
  { naam: 'NUL-byte in een id', method: 'get', path: '/afspraken/TEST-1%00', als: 'coordinator', status: 400, veld: 'afspraakId' },
  { naam: 'unicode in een id', method: 'get', path: '/afspraken/caf%C3%A9', als: 'coordinator', status: 400, veld: 'afspraakId' },
  { naam: 'RTL-override in een id', method: 'get', path: '/afspraken/TEST%E2%80%AE1', als: 'coordinator', status: 400, veld: 'afspraakId' },
  { naam: 'kapotte procent-codering in een id', method: 'get', path: '/afspraken/%E0%A4%A', als: 'coordinator', status: 400 },
  { naam: 'SQL in een id', method: 'get', path: "/afspraken/x'%3B%20DROP%20TABLE%20events%3B--", als: 'coordinator', status: 400, veld: 'afspraakId' },
  { naam: 'id van 65 tekens', method: 'get', path: `/afspraken/${'A'.repeat(65)}`, als: 'coordinator', status: 400, veld: 'afspraakId' },
  { naam: 'padtraversal als afspraakId in de body', method: 'post', path: '/afspraken', als: 'coordinator', body: nieuweAfspraak({ afspraakId: '../x' }), status: 400, veld: 'afspraakId' },
  { naam: 'punt-punt als deadline-id', method: 'post', path: '/afspraken/TEST-1/deadlines/%2E%2E/verschuiven', als: 'coordinator', body: { phrase: 'uiterlijk Q4 2023', reden: 'x', besluitorgaan: 'BO' }, status: 400, veld: 'deadlineId' },
  { naam: 'padtraversal als contact-id', method: 'post', path: '/partijen/vws/contacten/..%2F..%2Fvws/verwijderen', als: 'coordinator', status: 400, veld: 'contactId' },
  { naam: 'onbekende afspraak', method: 'get', path: '/afspraken/TEST-999', als: 'coordinator', status: 404, code: 'AFSPRAAK_ONBEKEND' },
  { naam: 'onbekende route', method: 'get', path: '/beheer/../../etc/passwd', als: 'coordinator', status: 404 },
  { naam: 'DELETE op een afspraak', method: 'delete', path: '/afspraken/TEST-1', als: 'coordinator', status: 404 },
  // --- credentials
  { naam: 'geen sleutel', method: 'get', path: '/afspraken/TEST-1', status: 401, code: 'NIET_INGELOGD' },
  { naam: 'Basic in plaats van Bearer', method: 'get', path: '/afspraken/TEST-1', als: () => 'Basic YWRtaW46YWRtaW4=', status: 401, code: 'ONGELDIGE_AUTHORIZATION' },
  { naam: 'misvormde sleutel', method: 'get', path: '/afspraken/TEST-1', als: () => 'Bearer afs_123', status: 401, code: 'ONGELDIGE_SLEUTEL' },
  { naam: 'onbekende sleutel', method: 'get', path: '/afspraken/TEST-1', als: () => `Bearer afs_000000000000_${'x'.repeat(43)}`, status: 401, code: 'ONGELDIGE_SLEUTEL' },
  { naam: 'bekende sleutel-id met verkeerd geheim', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.coordinator.slice(0, 17)}${'y'.repeat(43)}`, status: 401, code: 'ONGELDIGE_SLEUTEL' },
  { naam: 'ingetrokken sleutel', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.ingetrokken}`, status: 401, code: 'ONGELDIGE_SLEUTEL' },
  { naam: 'ingetrokken sleutel die schrijft', method: 'post', path: VOORTGANG, als: (t) => `Bearer ${t.ingetrokken}`, body: voortgang(), status: 401 },
  { naam: 'verlopen JWT', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.verlopen}`, status: 401, code: 'JWT_VERLOPEN' },
  { naam: 'JWT met vervalste handtekening', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.vervalst}`, status: 401, code: 'JWT_HANDTEKENING' },
  { naam: 'JWT met alg=none', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.algNone}`, status: 401 },
  { naam: 'JWT voor een ander publiek (aud)', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.verkeerdPubliek}`, status: 401, code: 'JWT_ONGELDIGE_CLAIM' },
  { naam: 'JWT van een andere uitgever (iss)', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.verkeerdeUitgever}`, status: 401, code: 'JWT_ONGELDIGE_CLAIM' },
  { naam: 'JWT dat nog niet geldig is (nbf)', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.nogNietGeldig}`, status: 401, code: 'JWT_ONGELDIGE_CLAIM' },
  { naam: 'JWT met rol systeem', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.rolSysteem}`, status: 401, code: 'JWT_ONGELDIGE_CLAIM' },
  { naam: 'JWT met rol partij zonder partij', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.partijZonderPartij}`, status: 401, code: 'JWT_ONGELDIGE_CLAIM' },
  { naam: 'JWT zonder sub', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.zonderSub}`, status: 401 },
  { naam: 'JWT zonder exp', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.zonderVervaltijd}`, status: 401, code: 'JWT_ZONDER_VERVALTIJD' },
  { naam: 'JWT dat dertig jaar geldig is', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.dertigJaarGeldig}`, status: 401, code: 'JWT_TE_LANG_GELDIG' },
  { naam: 'JWT met exp drie dagen na iat', method: 'get', path: '/afspraken/TEST-1', als: (t) => `Bearer ${t.langGeledenUitgegeven}`, status: 401, code: 'JWT_TE_LANG_GELDIG' },
  { naam: 'JWT-rommel', method: 'get', path: '/afspraken/TEST-1', als: () => 'Bearer a.b.c', status: 401, code: 'JWT_ONGELDIG' },
  // --- roles and organisations
  { naam: 'auditor rapporteert voortgang', method: 'post', path: VOORTGANG, als: 'auditor', body: voortgang(), status: 403, code: 'AUDITOR_LEEST_ALLEEN' },
  { naam: 'auditor maakt een sleutel', method: 'post', path: '/sleutels', als: 'auditor', body: { naam: 'x', rol: 'coordinator' }, status: 403, code: 'AUDITOR_LEEST_ALLEEN' },
  { naam: 'auditor importeert een programma', method: 'post', path: '/programmas/import', als: 'auditor', body: 'programma: {}', type: 'application/yaml', status: 403 },
  { naam: 'partij legt een afspraak vast', method: 'post', path: '/afspraken', als: 'vws', body: nieuweAfspraak(), status: 403, code: 'ROL_NIET_TOEGESTAAN' },
  { naam: 'partij verschuift een deadline', method: 'post', path: '/afspraken/TEST-1/deadlines/d1/verschuiven', als: 'vws', body: { phrase: 'uiterlijk Q4 2023', reden: 'later', besluitorgaan: 'BO' }, status: 403 },
  { naam: 'partij accepteert haar eigen levering', method: 'post', path: '/afspraken/TEST-1/levering/accepteren', als: 'vws', body: {}, status: 403 },
  { naam: 'partij wijst een partij toe', method: 'post', path: '/afspraken/TEST-1/partij-toewijzen', als: 'vws', body: { partijId: 'sbb', rol: 'betrokken' }, status: 403 },
  { naam: 'niet-betrokken partij rapporteert', method: 'post', path: VOORTGANG, als: 'sbb', body: voortgang({ partijId: 'sbb' }), status: 403, code: 'NIET_BETROKKEN' },
  { naam: 'vervalste partijId (vws-sleutel namens ocw)', method: 'post', path: VOORTGANG, als: 'vws', body: voortgang({ partijId: 'ocw' }), status: 403, code: 'ANDERE_PARTIJ' },
  { naam: 'vervalste partijId bij levering melden', method: 'post', path: '/afspraken/TEST-1/levering', als: 'ocw', body: { partijId: 'vws', toelichting: 'klaar' }, status: 403, code: 'ANDERE_PARTIJ' },
  { naam: 'partij maakt een sleutel', method: 'post', path: '/sleutels', als: 'vws', body: { naam: 'x', rol: 'coordinator' }, status: 403, code: 'ROL_NIET_TOEGESTAAN' },
  { naam: 'partij bekijkt de sleutels', method: 'get', path: '/sleutels', als: 'vws', status: 403 },
  { naam: 'partij leest een afspraak waar zij niet bij hoort', method: 'get', path: '/afspraken/TEST-1', als: 'sbb', status: 403, code: 'GEEN_LEESRECHT' },
  { naam: 'partij leest de geschiedenis van een vreemde afspraak', method: 'get', path: '/afspraken/TEST-1/geschiedenis', als: 'sbb', status: 403, code: 'GEEN_LEESRECHT' },
  { naam: 'coördinator van TAZ schrijft in een ander programma', method: 'post', path: '/afspraken/ANDER-1/intrekken', als: 'coordinatorTaz', body: { reden: 'x' }, status: 403, code: 'ANDER_PROGRAMMA' },
  { naam: 'coördinator van TAZ legt een afspraak vast in een ander programma', method: 'post', path: '/afspraken', als: 'coordinatorTaz', body: nieuweAfspraak({ programmaId: 'ANDER' }), status: 403, code: 'ANDER_PROGRAMMA' },
  { naam: 'coördinator van TAZ leest een ander programma', method: 'get', path: '/programmas/ANDER', als: 'coordinatorTaz', status: 403, code: 'ANDER_PROGRAMMA' },
  { naam: 'coördinator van TAZ leest een afspraak van een ander programma', method: 'get', path: '/afspraken/ANDER-1', als: 'coordinatorTaz', status: 403, code: 'ANDER_PROGRAMMA' },
  { naam: 'coördinator van TAZ plant een overleg in een ander programma', method: 'post', path: '/programmas/ANDER/bestuurlijk-overleggen', als: 'coordinatorTaz', body: { datum: '2023-06-20' }, status: 403, code: 'ANDER_PROGRAMMA' },
  { naam: 'coördinator van TAZ importeert een ander programma', method: 'post', path: '/programmas/import', als: 'coordinatorTaz', body: 'programma:\n  id: ANDER\n', type: 'application/yaml', status: 400 },
  { naam: 'coördinator van TAZ maakt een sleutel voor een ander programma', method: 'post', path: '/sleutels', als: 'coordinatorTaz', body: { naam: 'x', rol: 'auditor', programmaId: 'ANDER' }, status: 403, code: 'ANDER_PROGRAMMA' },
  { naam: 'partij-JWT van een ander programma schrijft in TAZ', method: 'post', path: VOORTGANG, als: 'vwsAnderJwt', body: voortgang(), status: 403, code: 'ANDER_PROGRAMMA' },
  // --- retries and concurrency headers
  { naam: 'Idempotency-Key opnieuw met een andere body', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'Idempotency-Key': 'rapport-1' }, body: voortgang({ percentage: 99 }), status: 422, code: 'IDEMPOTENCY_KEY_HERGEBRUIKT' },
  { naam: 'Idempotency-Key van een ander gebruikt', method: 'post', path: VOORTGANG, als: 'ocw', headers: { 'Idempotency-Key': 'rapport-1' }, body: voortgang(), status: 422, code: 'IDEMPOTENCY_KEY_HERGEBRUIKT' },
  { naam: 'Idempotency-Key met spaties', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'Idempotency-Key': 'a b' }, body: voortgang(), status: 400, code: 'ONGELDIGE_IDEMPOTENCY_KEY' },
  { naam: 'Idempotency-Key van 201 tekens', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'Idempotency-Key': 'k'.repeat(201) }, body: voortgang(), status: 400, code: 'ONGELDIGE_IDEMPOTENCY_KEY' },
  { naam: 'If-Match-rommel', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'If-Match': 'abc' }, body: voortgang(), status: 400, code: 'ONGELDIGE_IF_MATCH' },
  { naam: 'If-Match met 20 cijfers', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'If-Match': '"99999999999999999999"' }, body: voortgang(), status: 400, code: 'ONGELDIGE_IF_MATCH' },
  { naam: 'verouderde If-Match', method: 'post', path: VOORTGANG, als: 'vws', headers: { 'If-Match': '"0"' }, body: voortgang(), status: 409, code: 'VERSIECONFLICT' },
  // --- key management input
  { naam: 'sleutel met rol systeem', method: 'post', path: '/sleutels', als: 'coordinator', body: { naam: 'x', rol: 'systeem' }, status: 400, veld: 'rol' },
  { naam: 'partij-sleutel zonder partij', method: 'post', path: '/sleutels', als: 'coordinator', body: { naam: 'x', rol: 'partij' }, status: 400, veld: 'partijId' },
  { naam: 'partij-sleutel voor een onbekende partij', method: 'post', path: '/sleutels', als: 'coordinator', body: { naam: 'x', rol: 'partij', partijId: 'bestaat-niet' }, status: 400, veld: 'partijId' },
  { naam: 'sleutel intrekken met een misvormde id', method: 'post', path: '/sleutels/..%2Fx/intrekken', als: 'coordinator', status: 400, veld: 'sleutelId' },
  { naam: 'onbekende sleutel intrekken', method: 'post', path: '/sleutels/000000000000/intrekken', als: 'coordinator', status: 404, code: 'SLEUTEL_ONBEKEND' },
  // --- YAML import
  { naam: 'YAML-bom (miljard lachjes)', method: 'post', path: '/programmas/import', als: 'coordinator', body: YAML_BOM, type: 'application/yaml', status: 400, veld: '(bestand)' },
  { naam: 'YAML 100 000 niveaus diep', method: 'post', path: '/programmas/import', als: 'coordinator', body: `programma: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, type: 'application/yaml', status: 400 },
  { naam: 'YAML dat geen mapping is', method: 'post', path: '/programmas/import', als: 'coordinator', body: '- een\n- lijst\n', type: 'application/yaml', status: 400 },
  { naam: 'YAML met een !!js-tag', method: 'post', path: '/programmas/import', als: 'coordinator', body: 'programma: !!js/function "function(){ return 1 }"\n', type: 'application/yaml', status: 400 },
];

describe('Vijandige en misvormde verzoeken', () => {
  let t: SecurityApp;
  let tokens: Tokens;
  let headVoor: number;
  let aantalVoor: number;

  beforeAll(async () => {
    t = await startSecurityApp(JWT_ENV);
    const coordinator = await t.key('coordinator');
    await seed(t, coordinator);
    const vws = await t.key('partij', { partijId: 'vws' });
    const ingetrokken = await t.key('auditor');
    await t.http.post(`/sleutels/${ingetrokken.slice(4, 16)}/intrekken`).set(auth(coordinator)).expect(200);
    // The first use of an idempotency key, to be replayed with another body below.
    await t.http.post(VOORTGANG).set(auth(vws)).set('Idempotency-Key', 'rapport-1').send(voortgang()).expect(200);
    tokens = {
      coordinator,
      coordinatorTaz: await t.key('coordinator', { programmaId: 'TAZ' }),
      vws,
      ocw: await t.key('partij', { partijId: 'ocw' }),
      sbb: await t.key('partij', { partijId: 'sbb' }),
      auditor: await t.key('auditor'),
      vwsAnderJwt: await hs256(t, { sub: 'jan@vws.nl', rol: 'partij', partij: 'vws', programma: 'ANDER' }),
      ingetrokken,
      verlopen: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { verlooptOver: -60 }),
      vervalst: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { secret: 'een-ander-geheim-van-minstens-32-tekens!!' }),
      algNone: unsigned(t, { sub: 'a@b', rol: 'coordinator' }),
      verkeerdPubliek: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { audience: 'iets-anders' }),
      verkeerdeUitgever: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { issuer: 'https://evil.example' }),
      rolSysteem: await hs256(t, { sub: 'a@b', rol: 'systeem' }),
      partijZonderPartij: await hs256(t, { sub: 'a@b', rol: 'partij' }),
      nogNietGeldig: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { geldigVanaf: 600 }),
      zonderSub: await hs256(t, { rol: 'coordinator' }),
      zonderVervaltijd: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { zonderVervaltijd: true }),
      dertigJaarGeldig: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { verlooptOver: 30 * 365 * 24 * 3600 }),
      langGeledenUitgegeven: await hs256(t, { sub: 'a@b', rol: 'coordinator' }, { uitgegevenOver: -3 * 24 * 3600 }),
    };
    headVoor = await t.storage.events.headPosition();
    aantalVoor = (await t.storage.events.readAll()).length;
  });
  afterAll(() => t?.close());

  it(`heeft minstens 50 gevallen (${GEVALLEN.length})`, () => expect(GEVALLEN.length).toBeGreaterThanOrEqual(50));

  it.each(GEVALLEN.map((g) => [g.naam, g] as const))('%s', async (_naam, geval) => {
    let req = t.http[geval.method](geval.path);
    const als = typeof geval.als === 'function' ? geval.als(tokens) : geval.als ? `Bearer ${tokens[geval.als]}` : null;
    if (als) req = req.set('Authorization', als);
    for (const [name, value] of Object.entries(geval.headers ?? {})) req = req.set(name, value);
    if (geval.type) req = req.set('Content-Type', geval.type);
    const res = geval.body === undefined ? await req : await req.send(geval.body as object);

    expect({ status: res.status, body: res.body }).toMatchObject({ status: geval.status });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ statusCode: geval.status, message: expect.any(String), code: expect.any(String) });
    expect(res.body.message.length).toBeGreaterThan(5);
    if (geval.code) expect(res.body.code).toBe(geval.code);
    if (geval.veld) expect(res.body.errors?.map((e: { field: string }) => e.field)).toContain(geval.veld);
    expect(await t.storage.events.headPosition()).toBe(headVoor);
  });

  it('heeft na alle gevallen niets geschreven', async () => {
    expect(await t.storage.events.headPosition()).toBe(headVoor);
    expect(await t.storage.events.readAll()).toHaveLength(aantalVoor);
  });
});
