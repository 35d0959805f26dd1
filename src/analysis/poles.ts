/**
 * The poles a multi-vector foreign policy balances between, as Central Asian and Turkish policy
 * writing names them: Russia, China, the West, the Turkic world, and everyone else. A partner
 * belongs to one pole; organisations led by or made of one pole's members belong to it.
 */
export const POLES = ['russia', 'china', 'west', 'turkic', 'other'] as const;
export type Pole = (typeof POLES)[number];

export const POLE_NAMES: Readonly<Record<Pole, string>> = {
  russia: 'Russia', china: 'China', west: 'the West', turkic: 'the Turkic world', other: 'others',
};

const MEMBERS: Readonly<Record<Exclude<Pole, 'other'>, readonly string[]>> = {
  // Russia and the organisations it leads.
  russia: ['RUS', 'CSTO', 'EAEU', 'CIS', 'EDB'],
  china: ['CHN'],
  // The United States and its treaty allies in Europe and Asia-Pacific, the EU and NATO.
  west: ['USA', 'CAN', 'GBR', 'NOR', 'CHE', 'ISL', 'JPN', 'KOR', 'AUS', 'NZL',
    'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU',
    'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'EUR', 'NATO', 'G7', 'EIB'],
  // The Turkic states and their organisation.
  turkic: ['TUR', 'AZE', 'KAZ', 'KGZ', 'UZB', 'TKM', 'OTS', 'TRKSOY', 'TURKPA'],
};

const POLE_OF = new Map<string, Pole>(Object.entries(MEMBERS).flatMap(([pole, codes]) => codes.map((c) => [c, pole as Pole])));

/** The pole a partner belongs to. */
export function poleOf(code: string): Pole {
  return POLE_OF.get(code) ?? 'other';
}
