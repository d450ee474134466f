// Every call carries the key from sessionStorage; the API decides what this role may do.
export const sleutel = () => sessionStorage.getItem('sleutel');
export const bewaarSleutel = (waarde) => (waarde ? sessionStorage.setItem('sleutel', waarde) : sessionStorage.removeItem('sleutel'));

export class ApiFout extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export const api = async (pad, { method = 'GET', body } = {}) => {
  const headers = { Authorization: `Bearer ${sleutel()}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Idempotency-Key'] = crypto.randomUUID();
  }
  const response = await fetch(pad, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiFout(response.status, typeof data === 'object' ? data : { message: data });
  return data;
};

/** A file the API answers (with auth), handed to the browser as a download. */
export const download = async (pad) => {
  const response = await fetch(pad, { headers: { Authorization: `Bearer ${sleutel()}` } });
  if (!response.ok) throw new ApiFout(response.status, await response.json().catch(() => ({})));
  const naam = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'rapport';
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: naam });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return naam;
};

export const q = (params) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return s.toString() ? `?${s}` : '';
};
