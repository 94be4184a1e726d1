import { CURRICULUM_CATEGORIES, DELIVERY_MODES } from '../../../shared/training-categories';

/**
 * What the training pages share: the colours of session and enrolment statuses (their words are in
 * i18n/, `sessionStatus` and `enrolmentNames`), and the names of curriculum categories and modes,
 * which the server uses too (src/shared/training-categories.ts).
 */
export const STATUS_COLOURS: Record<string, string> = { planned: 'gray', open: 'indigo', running: 'blue', completed: 'teal', cancelled: 'red' };
export const ENROLMENT_COLOURS: Record<string, string> = {
  enrolled: 'indigo',
  waitlisted: 'yellow',
  withdrawn: 'gray',
  completed: 'teal',
  'not-completed': 'red',
};

const byCode = (list: readonly { code: string; th: string; en: string }[]) => Object.fromEntries(list.map((c) => [c.code, { th: c.th, en: c.en }]));

export const CATEGORY_NAMES: Record<string, { th: string; en: string }> = byCode(CURRICULUM_CATEGORIES);
export const MODE_NAMES: Record<string, { th: string; en: string }> = byCode(DELIVERY_MODES);
