import { Typography } from '@mantine/core';

/**
 * HTML the server rendered from Markdown and sanitised (catalogue statements and guidance, implementation
 * statements). The only place the web app inserts HTML.
 */
export function ServerHtml({ html }: { html: string }) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises this HTML */}
      <div style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
