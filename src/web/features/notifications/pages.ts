// The notification pages, loaded together as one chunk the first time one of them is opened.
export { NotificationsPage } from './NotificationsPage';
export { OutboxPage } from './OutboxPage';
