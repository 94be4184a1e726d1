// The account pages, loaded together the first time one of them is opened.
export { UserPage } from './UserPage';
export { UsersPage } from './UsersPage';
export { AccountPage } from './AccountPage';
