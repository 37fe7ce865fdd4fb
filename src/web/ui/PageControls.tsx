import { Pagination } from '@mantine/core';

/** Page switcher under a paged table; hidden when everything fits on one page. */
export function PageControls({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number | undefined;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  if (!total || total <= pageSize) return null;
  return <Pagination mt="md" total={Math.ceil(total / pageSize)} value={page} onChange={onChange} />;
}
