import type { NoticeLanguage } from '../../../contracts/incident-notices.js';
import type { PublicStatus } from '../../../contracts/incidents.js';

/**
 * The mail affected customers receive, per language, as data: `{name}` placeholders filled from the incident.
 * The handler's message is the body; the template frames it with the status, the services and the status page.
 */
export interface NoticeTemplate {
  subject: string;
  body: string;
  status: Record<PublicStatus, string>;
  allServices: string;
}

export const noticeTemplates: Readonly<Record<NoticeLanguage, NoticeTemplate>> = {
  en: {
    subject: '{organization}: {title} ({status})',
    body: 'Hello,\n\n{message}\n\nStatus: {status}\nAffected services: {services}\nReference: {ref}\n\nFollow the current status at {statusUrl}\n\nYou receive this message because you are a contact of {organization} for these services or subscribed to its trust center.\n',
    status: {
      investigating: 'Investigating',
      identified: 'Identified',
      monitoring: 'Monitoring',
      resolved: 'Resolved',
    },
    allServices: 'all services',
  },
  sv: {
    subject: '{organization}: {title} ({status})',
    body: 'Hej,\n\n{message}\n\nStatus: {status}\nBerörda tjänster: {services}\nReferens: {ref}\n\nFölj aktuell status på {statusUrl}\n\nDu får detta meddelande eftersom du är kontaktperson hos {organization} för dessa tjänster eller prenumererar på dess trust center.\n',
    status: {
      investigating: 'Under utredning',
      identified: 'Orsaken identifierad',
      monitoring: 'Övervakas',
      resolved: 'Åtgärdat',
    },
    allServices: 'alla tjänster',
  },
  nb: {
    subject: '{organization}: {title} ({status})',
    body: 'Hei,\n\n{message}\n\nStatus: {status}\nBerørte tjenester: {services}\nReferanse: {ref}\n\nFølg gjeldende status på {statusUrl}\n\nDu mottar denne meldingen fordi du er kontaktperson hos {organization} for disse tjenestene eller abonnerer på tillitssenteret.\n',
    status: {
      investigating: 'Undersøkes',
      identified: 'Årsak identifisert',
      monitoring: 'Overvåkes',
      resolved: 'Løst',
    },
    allServices: 'alle tjenester',
  },
};

export interface NoticeValues {
  organization: string;
  title: string;
  ref: string;
  message: string;
  services: string[];
  publicStatus: PublicStatus;
  statusUrl: string;
}

/** Fills a template; the subject stays on one line whatever the title holds. */
export function renderNotice(language: NoticeLanguage, v: NoticeValues): { subject: string; body: string } {
  const t = noticeTemplates[language];
  const values: Record<string, string> = {
    organization: v.organization,
    title: v.title,
    ref: v.ref,
    message: v.message,
    services: v.services.length > 0 ? v.services.join(', ') : t.allServices,
    status: t.status[v.publicStatus],
    statusUrl: v.statusUrl,
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
  return { subject: fill(t.subject).replace(/\s+/g, ' ').slice(0, 300), body: fill(t.body) };
}
