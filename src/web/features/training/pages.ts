// The training pages, loaded together as one chunk the first time one of them is opened.
export { CheckInPage } from './CheckInPage';
export { CurriculaPage } from './CurriculaPage';
export { MyCertificatesPage } from './MyCertificatesPage';
export { MyCoursesPage } from './MyCoursesPage';
export { PlanningPage } from './PlanningPage';
export { SessionApplyPage } from './SessionApplyPage';
export { SessionFormPage } from './SessionFormPage';
export { SessionPage } from './SessionPage';
export { SessionsPage } from './SessionsPage';
