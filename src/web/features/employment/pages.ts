// The employment pages, loaded together as one chunk the first time one of them is opened.
export { ApplyEmployerPage, BoardPage } from './BoardPages';
export { EmploymentPage, FollowUpsPage, SummaryPage } from './EmploymentPage';
export { PersonEmploymentPage } from './PersonEmploymentPage';
export { VacancyFormPage, VacancyPage } from './VacancyPages';
