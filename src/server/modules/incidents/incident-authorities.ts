/**
 * Who receives reports, per country, as data: the NIS2 CSIRT/competent authority and the data-protection
 * authority. Sweden and Norway are named in the issue. For Denmark, Finland and Iceland the data-protection
 * authority is the one the DPV legal vocabulary names (shared/data/dpv-legal.csv: DPA-DK "Data Protection
 * Authority", DPA-FI "Office of the Data Protection Ombudsman", DPA-IS "Data Protection Authority"), with its own
 * name beside the DPV label; the vocabulary names no CSIRTs, so the national CSIRTs are written from the
 * countries' own designations (Denmark's Centre for Cyber Security, Finland's NCSC-FI at Traficom, Iceland's
 * CERT-IS). A report's authority can be corrected on the report itself.
 */
export interface CountryAuthorities {
  nis2: string;
  dataProtection: string;
  /** The DPV term of the data-protection authority. */
  dpvTerm: string;
}

export const authoritiesByCountry: Readonly<Record<string, CountryAuthorities>> = {
  SE: {
    nis2: 'CERT-SE at the Swedish Civil Defence and Resilience Agency (MCF)',
    dataProtection: 'Integritetsskyddsmyndigheten (IMY)',
    dpvTerm: 'DPA-SE',
  },
  NO: {
    nis2: 'Nasjonal sikkerhetsmyndighet (NSM) / NorCERT',
    dataProtection: 'Datatilsynet',
    dpvTerm: 'DPA-NO',
  },
  DK: {
    nis2: 'Centre for Cyber Security (CFCS), the Danish national CSIRT',
    dataProtection: 'Datatilsynet (Data Protection Authority, DK)',
    dpvTerm: 'DPA-DK',
  },
  FI: {
    nis2: 'National Cyber Security Centre Finland (NCSC-FI) at Traficom',
    dataProtection: 'Tietosuojavaltuutetun toimisto (Office of the Data Protection Ombudsman)',
    dpvTerm: 'DPA-FI',
  },
  IS: {
    nis2: 'CERT-IS, the Icelandic national CSIRT',
    dataProtection: 'Persónuvernd (Data Protection Authority, IS)',
    dpvTerm: 'DPA-IS',
  },
};

export function authoritiesOf(country: string): CountryAuthorities {
  return (
    authoritiesByCountry[country] ?? {
      nis2: `The NIS2 CSIRT of ${country} (set it on the report)`,
      dataProtection: `The data-protection authority of ${country} (set it on the report)`,
      dpvTerm: `DPA-${country}`,
    }
  );
}
