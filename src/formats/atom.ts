/** An Atom feed (RFC 4287) as text: the caller gives ids (URNs or URLs), titles, times and plain-text content. */
export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  selfUrl: string;
  siteUrl: string;
  author: string;
  entries: { id: string; title: string; updated: string; link?: string; content: string }[];
}

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderAtomFeed(f: AtomFeed): string {
  const entries = f.entries.map(
    (e) =>
      `<entry><id>${xml(e.id)}</id><title>${xml(e.title)}</title><updated>${xml(e.updated)}</updated>${e.link ? `\n<link href="${xml(e.link)}"/>` : ''}<content type="text">${xml(e.content)}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(f.id)}</id><title>${xml(f.title)}</title>
<updated>${xml(f.updated)}</updated><link rel="self" href="${xml(f.selfUrl)}"/><link href="${xml(f.siteUrl)}"/>
<author><name>${xml(f.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}
