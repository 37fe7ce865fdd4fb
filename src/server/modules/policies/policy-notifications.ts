import type { NewNotification } from '../tasks/index.js';

export type PolicyNotification = NewNotification & { link: string };

export function acknowledgementRequest(
  campaign: { id: string; documentId: string; title: string; number: number; dueOn: string },
  userId: string,
  dedupeKey: string,
): PolicyNotification {
  return {
    userId,
    kind: 'policy-acknowledgement',
    title: `Please read and accept “${campaign.title}” version ${campaign.number}`,
    body: `Due on ${campaign.dueOn}.`,
    link: `/policies/${campaign.documentId}`,
    dedupeKey,
  };
}
