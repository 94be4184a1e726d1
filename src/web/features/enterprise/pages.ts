// The enterprise pages, loaded together as one chunk the first time one of them is opened.
export { GroupEnterprisePage } from './GroupEnterprisePage';
export { ProgrammePage } from './ProgrammePage';
export { ProgrammesPage } from './ProgrammesPage';
export { VisitFormPage } from './VisitFormPage';
