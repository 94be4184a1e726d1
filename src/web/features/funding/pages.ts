// The funding pages, loaded together as one chunk the first time one of them is opened.
export { ApplicationFormPage } from './ApplicationFormPage';
export { ApplicationPage } from './ApplicationPage';
export { CollectionsPage } from './CollectionsPage';
export { FundFormPage } from './FundFormPage';
export { FundPage } from './FundPage';
export { FundsPage } from './FundsPage';
export { GroupLoansPage } from './GroupLoansPage';
export { LoanPage } from './LoanPage';
export { MyLoansPage } from './MyLoansPage';
export { RepaymentImportPage } from './RepaymentImportPage';
