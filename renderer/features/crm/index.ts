/** The CRM sync as the app sees it: its status line (the sync itself runs on the server, docs/CRM.md). */
export { CrmStatusLine, useCrmStatus, type CrmStatusLineProps } from './CrmStatusLine';
export { describeCrmStatus, type CrmStatusText } from './crmStatusText';
