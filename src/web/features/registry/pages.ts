// The registry's pages, loaded together as one chunk the first time one of them is opened.
export { GroupFormPage } from './GroupFormPage';
export { GroupPage } from './GroupPage';
export { GroupsPage } from './GroupsPage';
export { PeoplePage } from './PeoplePage';
export { PersonFormPage } from './PersonFormPage';
export { PersonPage } from './PersonPage';
export { RegistryDuplicatesPage } from './RegistryDuplicatesPage';
export { RegistryImportsPage } from './RegistryImportsPage';
export { SelfRegistrationPage } from './PersonFormPage';
