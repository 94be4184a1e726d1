import type { components } from '../../api/schema';

/**
 * How the competency and credential pages show statuses. Every status carries a mark as well as a
 * colour, so that nothing is told by colour alone; colours are those whose text stays above 4.5:1
 * (filled: white on a dark shade; light: dark text). Their words are in i18n/ under the same names
 * (`eventStatus`, `candidateStatus`, `result`, `standing`), with `basis`, `kind` and `standardFields`.
 */
export type Language = 'th' | 'en';
/** How a status looks: its colour and the mark beside its words (the words are in i18n/, under the same key). */
export type Look = { colour: string; mark: string };

type EventStatus = components['schemas']['AssessmentEventSummary']['status'];
type CandidateStatus = components['schemas']['AssessmentCandidate']['status'];
type Result = components['schemas']['AssessmentCandidate']['results'][number]['result'];
type Standing = components['schemas']['EligibleCandidate']['standing'];

export const EVENT_STATUS: Record<EventStatus, Look> = {
  open: { colour: 'indigo.9', mark: '●' },
  completed: { colour: '#1b5e20', mark: '✓' },
  cancelled: { colour: 'gray.7', mark: '✕' },
};

export const CANDIDATE_STATUS: Record<CandidateStatus, Look> = {
  referred: { colour: 'indigo.9', mark: '●' },
  assessed: { colour: 'gray.8', mark: '✓' },
  absent: { colour: 'gray.7', mark: '–' },
  withdrawn: { colour: 'gray.7', mark: '–' },
};

/** A unit's or the overall result: สมรรถนะ "C" (competent) or "NYC" (not yet competent), TPQI's terms. */
export const RESULT: Record<Result, Look> = {
  competent: { colour: '#1b5e20', mark: '✓' },
  'not-yet-competent': { colour: 'red.9', mark: '✕' },
};

export const STANDING: Record<Standing, Look> = {
  'not-assessed': { colour: 'gray.7', mark: '○' },
  referred: { colour: 'indigo.9', mark: '●' },
  'not-yet-competent': { colour: 'red.9', mark: '✕' },
  revoked: { colour: 'red.9', mark: '⊘' },
  qualified: { colour: '#1b5e20', mark: '✓' },
};

/** "nameTh" or "nameEn" of anything bilingual, by the reader's language. */
export const named = (item: { nameTh: string; nameEn: string }, lang: Language) => (lang === 'th' ? item.nameTh : item.nameEn);

/** The part of a key id after '#': `…/issuers/TPQI#key-2025…` → `key-2025…`. */
export const shortKeyId = (keyId: string) => keyId.slice(keyId.lastIndexOf('#') + 1);

/** The agency code an issuer id ends with: `…/api/credentials/issuers/TPQI` → `TPQI`. */
export const agencyOfIssuer = (issuerId: string) =>
  issuerId
    .replace(/[#?].*$/, '')
    .split('/')
    .pop() ?? issuerId;
