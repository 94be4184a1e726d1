// The agency pages, loaded together the first time one of them is opened.
export { OrgPage } from './OrgPage';
export { UnitPage } from './UnitPage';
