// Every call carries the key from sessionStorage; the API decides what this role may do.
const SLEUTEL = 'sleutel';
export const sleutel = (): string | null => sessionStorage.getItem(SLEUTEL);
export const bewaarSleutel = (waarde: string | null): void => (waarde ? sessionStorage.setItem(SLEUTEL, waarde) : sessionStorage.removeItem(SLEUTEL));

export interface FoutBody {
  readonly message?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

export class ApiFout extends Error {
  constructor(
    readonly status: number,
    readonly body: FoutBody,
  ) {
    super(body.errors?.length ? body.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : (body.message ?? `HTTP ${status}`));
  }
}

/** Read-your-writes: the position of this tab's last command; the next overview read waits for it, once. */
let naPositie: number | undefined;
export const positieNaCommando = (): number | undefined => naPositie;

export const api = async <T,>(pad: string, { method = 'GET', body }: { method?: string; body?: unknown } = {}): Promise<T> => {
  const headers: Record<string, string> = { Authorization: `Bearer ${sleutel()}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Idempotency-Key'] = crypto.randomUUID();
  }
  const response = await fetch(pad, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiFout(response.status, typeof data === 'object' && data !== null ? (data as FoutBody) : { message: String(data) });
  if (method !== 'GET') {
    const positie = (data as { position?: unknown } | null)?.position;
    if (Number.isInteger(positie)) naPositie = positie as number;
  }
  return data as T;
};

/** A file the API answers (with auth), handed to the browser as a download; gives the file name. */
export const download = async (pad: string): Promise<string> => {
  const response = await fetch(pad, { headers: { Authorization: `Bearer ${sleutel()}` } });
  if (!response.ok) throw new ApiFout(response.status, (await response.json().catch(() => ({}))) as FoutBody);
  const naam = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: naam });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return naam;
};

export const q = (params: Record<string, string | number | undefined | null>): string => {
  const s = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === null || v === '' ? [] : [[k, String(v)]])));
  return s.toString() ? `?${s}` : '';
};

export const enc = encodeURIComponent;
