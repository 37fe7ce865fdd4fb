import type { TrustSettings } from '../../src/contracts/trust-center.js';

/** A published trust center for tests of its public pages. */
export const publishedTrustSettings: TrustSettings = {
  title: 'Norrsken trust center',
  intro: '',
  accentColor: '#1f5f8b',
  logoText: 'Norrsken',
  slaText: '',
  drText: '',
  customDomain: null,
  published: true,
  faqFourEyes: false,
  siteUrl: null,
};
