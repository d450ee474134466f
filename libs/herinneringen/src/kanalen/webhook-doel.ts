import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may go. A webhook URL is chosen by whoever registers a contact, and the worker posts
 * to it from inside our network: to 127.0.0.1:6379 (Redis), 169.254.169.254 (cloud metadata) or
 * [::1]:5432 it would reach what no outsider should. Only addresses of the public internet are
 * allowed, unless WEBHOOK_TOEGESTANE_HOSTS names the host (a receiver on this machine or the LAN).
 */

/** True for an address of the public internet; false for loopback, private, link-local, unique-local, CGNAT, multicast, reserved, … */
export const isPubliekAdres = (adres: string): boolean => {
  if (!ipaddr.isValid(adres)) return false;
  // ::ffff:127.0.0.1 is 127.0.0.1: judged as the IPv4 address it carries.
  return ipaddr.process(adres).range() === 'unicast';
};

const hostVan = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
const poortVan = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');

/** `host` or `host:port` entries ("127.0.0.1", "localhost:41234", "[::1]"): the host with any port, or that port only. */
export const isToegestaan = (url: URL, toegestaan: readonly string[]): boolean =>
  toegestaan.some((entry) => {
    let e: URL;
    try {
      e = new URL(`http://${entry.trim()}`);
    } catch {
      return false;
    }
    return hostVan(e) === hostVan(url) && (e.port === '' || e.port === poortVan(url));
  });

/**
 * Judges a webhook URL as it is written, without asking DNS: http(s), no credentials in it, and not a
 * literal internal address or a localhost name, unless allowed. Returns what is wrong, or null.
 * Names are resolved when the webhook is sent (`veiligeLookup`), because DNS can change in between.
 */
export const webhookUrlProbleem = (tekst: string, toegestaan: readonly string[]): string | null => {
  let url: URL;
  try {
    url = new URL(tekst);
  } catch {
    return 'is geen geldige URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'moet met http:// of https:// beginnen';
  if (url.username || url.password) return 'mag geen gebruikersnaam of wachtwoord bevatten';
  if (isToegestaan(url, toegestaan)) return null;
  const host = hostVan(url);
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPubliekAdres(host))) {
    return `wijst naar een intern adres (${host}); alleen publieke adressen, of hosts die WEBHOOK_TOEGESTANE_HOSTS noemt`;
  }
  return null;
};

/** A webhook refused because its host resolves to an internal address. */
export class InternAdresFout extends Error {
  override readonly name = 'InternAdresFout';
}

/**
 * A `lookup` for http.request that refuses a name resolving to any internal address. The connection
 * uses the very addresses judged here, so a DNS answer that changes between check and connect
 * (DNS rebinding) changes nothing.
 */
export const veiligeLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, adressen: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const intern = adressen.find((a) => !isPubliekAdres(a.address));
    if (intern || adressen.length === 0) {
      return callback(Object.assign(new InternAdresFout(`${hostname} wijst naar een intern adres (${intern?.address ?? 'geen'})`), { code: 'EINTERN' }), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, adressen);
    callback(null, adressen[0].address, adressen[0].family);
  });
};
