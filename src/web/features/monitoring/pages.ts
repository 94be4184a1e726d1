// The monitoring pages, loaded together as one chunk the first time one of them is opened.
export { MonitoringPage } from './MonitoringPage';
export { OpenDataPage } from './OpenDataPage';
export { ReportsPage } from './ReportsPage';
export { DataQualityPage } from './DataQualityPage';
