import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';

/** Success is announced politely; failures interrupt (role="alert"). */
export const notifySuccess = (message: string) =>
  notifications.show({ color: 'teal', title: 'Done', message, role: 'status' });
export const notifyError = (error: unknown) =>
  notifications.show({
    color: 'red',
    title: 'That did not work',
    message: errorMessage(error),
    autoClose: 6000,
  });
