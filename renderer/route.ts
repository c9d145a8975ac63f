// The URL hash names where the clerk is: #/ (the list), #/report/<id>/<step>, or #/county (县级审查).
export type Route = { name: 'home' } | { name: 'report'; id: number; step: string | null } | { name: 'county' } | { name: 'register'; year: number | null };

export function parseHash(hash: string): Route {
  const m = /^#\/report\/(\d+)(?:\/([a-z_0-9]+))?/.exec(hash);
  if (m && Number(m[1]) > 0) return { name: 'report', id: Number(m[1]), step: m[2] ?? null };
  if (/^#\/county\b/.test(hash)) return { name: 'county' };
  const reg = /^#\/register(?:\/(\d{4}))?/.exec(hash);
  if (reg) return { name: 'register', year: reg[1] ? Number(reg[1]) : null };
  return { name: 'home' };
}

export function routeHash(r: Route): string {
  if (r.name === 'county') return '#/county';
  if (r.name === 'register') return r.year ? `#/register/${r.year}` : '#/register';
  return r.name === 'report' ? `#/report/${r.id}${r.step ? `/${r.step}` : ''}` : '#/';
}
