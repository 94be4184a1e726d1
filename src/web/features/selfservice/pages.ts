// The self-service pages, loaded together as one chunk the first time one of them is opened.
export { MyArcheepPage, MyDataPage, MyGrievancesPage } from './MyPages';
export { GrievancesQueuePage, RequestsQueuePage } from './QueuePages';
