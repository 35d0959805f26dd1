/** Languages Dyad reads natively. */
export const LANGS = ['en', 'tr', 'ru', 'kk'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** PLOVER sector codes (manual, Table 5.2) plus IGO for organisations. */
export const SECTORS = [
  'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'PRM', 'PTY', 'REB', 'SPY', 'UAF', 'UNK',
  'AGR', 'BUS', 'CRM', 'CVL', 'EDU', 'ELI', 'JRN', 'LAB', 'MED', 'REF', 'OPP', 'PRE', 'REL', 'SOC', 'IGO',
] as const;
export type Sector = (typeof SECTORS)[number];
