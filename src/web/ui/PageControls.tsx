import { Pagination } from '@mantine/core';

const controlLabels = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
};

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
  return (
    <Pagination
      mt="md"
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
      getItemProps={(p) => ({ 'aria-label': `Page ${p}`, 'aria-current': p === page ? 'page' : undefined })}
    />
  );
}
