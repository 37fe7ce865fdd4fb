import { List, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSchedulePreview } from '../../api/activities.js';
import { ApiError, errorMessage } from '../../api/client.js';

export interface ScheduleValue {
  type: 'rrule' | 'cron';
  expression: string;
}

export const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** Waits until typing pauses before asking the server. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The schedule and the next five occurrences as the server computes them (UTC). */
export function ScheduleField({
  value,
  startsAt,
  onChange,
  error,
}: {
  value: ScheduleValue;
  startsAt?: string | undefined;
  onChange: (v: ScheduleValue) => void;
  error?: string | undefined;
}) {
  const settled = useSettled(value);
  const preview = useSchedulePreview(settled, startsAt);
  const problem = preview.error instanceof ApiError ? errorMessage(preview.error) : undefined;
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Schedule format"
        data={[
          { value: 'rrule', label: 'RRULE' },
          { value: 'cron', label: 'Cron' },
        ]}
        value={value.type}
        onChange={(type) => onChange({ ...value, type: type as ScheduleValue['type'] })}
      />
      <TextInput
        label="Schedule (UTC)"
        description={
          value.type === 'rrule'
            ? 'An RFC 5545 rule, e.g. FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1;BYHOUR=9'
            : 'Five fields: minute hour day-of-month month day-of-week, e.g. 0 9 1 * *'
        }
        value={value.expression}
        onChange={(e) => onChange({ ...value, expression: e.currentTarget.value })}
        error={error ?? problem}
        required
      />
      {preview.data && !problem && (
        <div>
          <Text size="sm" fw={500} id="next-occurrences">
            Next occurrences
          </Text>
          <List size="sm" aria-labelledby="next-occurrences" data-testid="schedule-preview">
            {preview.data.occurrences.map((o) => (
              <List.Item key={o}>{utc(o)}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
