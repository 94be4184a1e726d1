// The competency and credential pages, loaded together the first time one of them is opened. The
// public check (VerifyPage) is apart: a stranger checking one credential needs nothing else.
export { AssessmentFormPage } from './AssessmentFormPage';
export { AssessmentPage } from './AssessmentPage';
export { CompetencyPage } from './CompetencyPage';
export { IssuerKeysPage } from './IssuerKeysPage';
export { MyQualificationsPage } from './MyQualificationsPage';
export { StandardPage } from './StandardPage';
