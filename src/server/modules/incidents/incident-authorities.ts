/**
 * Who receives reports, per country, as data: the NIS2 CSIRT/competent authority and the data-protection
 * authority. Sweden and Norway are named in the issue; the Danish, Finnish and Icelandic data-protection
 * authorities carry the labels of the DPV legal vocabulary (shared/data/dpv-legal.csv, DPA-DK/FI/IS). A report's
 * authority can be corrected on the report itself.
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
  DK: { nis2: 'CSIRT of Denmark', dataProtection: 'Data Protection Authority (DK)', dpvTerm: 'DPA-DK' },
  FI: {
    nis2: 'CSIRT of Finland',
    dataProtection: 'Office of the Data Protection Ombudsman',
    dpvTerm: 'DPA-FI',
  },
  IS: { nis2: 'CSIRT of Iceland', dataProtection: 'Data Protection Authority (IS)', dpvTerm: 'DPA-IS' },
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
