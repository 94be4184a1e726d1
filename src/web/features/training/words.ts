import { CURRICULUM_CATEGORIES, DELIVERY_MODES } from '../../../shared/training-categories';

/** Names the training pages share: session and enrolment statuses, curriculum categories and modes. */
export const STATUS_NAMES: Record<string, { th: string; en: string }> = {
  planned: { th: 'วางแผน', en: 'Planned' },
  open: { th: 'เปิดรับสมัคร', en: 'Open for applications' },
  running: { th: 'กำลังอบรม', en: 'Running' },
  completed: { th: 'จบแล้ว', en: 'Completed' },
  cancelled: { th: 'ยกเลิก', en: 'Cancelled' },
};
export const STATUS_COLOURS: Record<string, string> = { planned: 'gray', open: 'indigo', running: 'blue', completed: 'teal', cancelled: 'red' };

export const ENROLMENT_NAMES: Record<string, { th: string; en: string }> = {
  enrolled: { th: 'ได้ที่นั่ง', en: 'Enrolled' },
  waitlisted: { th: 'รายชื่อสำรอง', en: 'Waitlisted' },
  withdrawn: { th: 'ถอนตัว', en: 'Withdrawn' },
  completed: { th: 'ผ่านการอบรม', en: 'Completed' },
  'not-completed': { th: 'ไม่ผ่าน', en: 'Not completed' },
};
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
