import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';

export const notifySuccess = (message: string) =>
  notifications.show({ color: 'teal', title: 'Done', message });
export const notifyError = (error: unknown) =>
  notifications.show({ color: 'red', title: 'That did not work', message: errorMessage(error) });
