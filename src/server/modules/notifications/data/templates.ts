/**
 * The message templates, as data: per kind, per variant (`default` unless the event names one), a
 * subject (e-mail, the in-app title) and a text in Thai and in English. `{name}` is filled from
 * the event's params: `nameTh` in Thai and `nameEn` in English where the event gives both, else
 * `name`; `{name|date}` prints an ISO date as a Thai (B.E.) or English date.
 */
export interface Template {
  subject: { th: string; en: string };
  text: { th: string; en: string };
}

export const NOTIFICATION_KINDS = [
  'application-result',
  'session-reminder',
  'certificate-issued',
  'vacancy-match',
  'follow-up-due',
  'loan-due',
  'loan-overdue',
  'listing-approved',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABELS: Record<NotificationKind, { th: string; en: string }> = {
  'application-result': { th: 'ผลการสมัครอบรม', en: 'Course application results' },
  'session-reminder': { th: 'เตือนก่อนวันอบรม', en: 'Course reminders the day before' },
  'certificate-issued': { th: 'ได้รับเกียรติบัตร', en: 'Certificates issued' },
  'vacancy-match': { th: 'ตำแหน่งงานที่ตรงกับคุณ', en: 'Job matches and referrals' },
  'follow-up-due': { th: 'แบบติดตามผลที่ต้องตอบ', en: 'Follow-up questions due' },
  'loan-due': { th: 'ใกล้ถึงกำหนดชำระเงินกู้', en: 'Loan instalments due' },
  'loan-overdue': { th: 'เงินกู้เกินกำหนดชำระ', en: 'Loan instalments overdue' },
  'listing-approved': { th: 'สินค้าได้รับอนุมัติขึ้นร้าน', en: 'Listings approved' },
};

export const TEMPLATES: Record<NotificationKind, Record<string, Template>> = {
  'application-result': {
    enrolled: {
      subject: { th: 'ได้รับที่นั่งอบรม {course}', en: 'You have a seat: {course}' },
      text: {
        th: 'คุณได้รับที่นั่งในการอบรม {course} รุ่น {sessionCode} เริ่ม {startsOn|date} ดูรายละเอียดได้ที่อาชีพ',
        en: 'You have a seat in {course}, session {sessionCode}, starting {startsOn|date}. See the details in Archeep.',
      },
    },
    waitlisted: {
      subject: { th: 'อยู่ในรายชื่อสำรอง {course}', en: 'You are on the waitlist: {course}' },
      text: {
        th: 'การอบรม {course} รุ่น {sessionCode} เต็มแล้ว คุณอยู่ในรายชื่อสำรองลำดับที่ {position} เราจะแจ้งเมื่อมีที่ว่าง',
        en: 'Session {sessionCode} of {course} is full; you are number {position} on the waitlist. We will tell you when a seat frees up.',
      },
    },
    promoted: {
      subject: { th: 'ได้รับที่นั่งอบรม {course}', en: 'A seat freed up for you: {course}' },
      text: {
        th: 'มีที่ว่างในการอบรม {course} รุ่น {sessionCode} คุณได้รับที่นั่งแล้ว เริ่ม {startsOn|date}',
        en: 'A seat freed up in {course}, session {sessionCode}: it is yours. It starts {startsOn|date}.',
      },
    },
    rejected: {
      subject: { th: 'ผลการสมัครอบรม {course}', en: 'Your application: {course}' },
      text: {
        th: 'ขออภัย การสมัครอบรม {course} รุ่น {sessionCode} ไม่ผ่าน: {reason}',
        en: 'Sorry, your application for {course}, session {sessionCode}, was not accepted: {reason}',
      },
    },
  },
  'session-reminder': {
    default: {
      subject: { th: 'พรุ่งนี้อบรม {course}', en: 'Tomorrow: {course}' },
      text: {
        th: 'พรุ่งนี้ ({day|date}) มีการอบรม {course} รุ่น {sessionCode} ที่ {venue}',
        en: 'Tomorrow ({day|date}) is your {course} session {sessionCode} at {venue}.',
      },
    },
  },
  'certificate-issued': {
    default: {
      subject: { th: 'ได้รับเกียรติบัตร {title}', en: 'Certificate issued: {title}' },
      text: {
        th: 'คุณได้รับเกียรติบัตร {title} รหัส {code} ตรวจสอบได้ที่ {url}',
        en: 'Your certificate {title} has been issued, code {code}. Verify it at {url}',
      },
    },
  },
  'vacancy-match': {
    default: {
      subject: { th: 'ตำแหน่งงานที่ตรงกับคุณ: {position}', en: 'A job for you: {position}' },
      text: {
        th: 'เจ้าหน้าที่ส่งตัวคุณไปสมัครงาน {position} ที่ {employer} ดูรายละเอียดได้ที่อาชีพ',
        en: 'An officer referred you to {position} at {employer}. See the details in Archeep.',
      },
    },
  },
  'follow-up-due': {
    placement: {
      subject: { th: 'ขอทราบรายได้ของคุณ', en: 'How are you doing?' },
      text: {
        th: 'ถึงเวลาติดตามผล {months} เดือนหลังเข้างาน ({due|date}) กรุณาตอบแบบติดตามผลในอาชีพ',
        en: 'Your {months}-month follow-up after placement is due ({due|date}); please answer it in Archeep.',
      },
    },
    course: {
      subject: { th: 'ขอทราบรายได้ของคุณ', en: 'How are you doing?' },
      text: {
        th: 'ถึงเวลาติดตามผล {months} เดือนหลังจบการอบรม ({due|date}) กรุณาตอบแบบติดตามผลในอาชีพ',
        en: 'Your {months}-month follow-up after your course is due ({due|date}); please answer it in Archeep.',
      },
    },
  },
  'loan-due': {
    default: {
      subject: { th: 'ใกล้ถึงกำหนดชำระเงินกู้', en: 'Loan instalment due soon' },
      text: {
        th: 'กลุ่ม {group}: งวดที่ {number} ของเงินกู้เลขที่ {loanId} จำนวน {amount} ครบกำหนด {dueOn|date}',
        en: 'Group {group}: instalment {number} of loan {loanId}, {amount}, is due on {dueOn|date}.',
      },
    },
  },
  'loan-overdue': {
    default: {
      subject: { th: 'เงินกู้เกินกำหนดชำระ', en: 'Loan instalment overdue' },
      text: {
        th: 'กลุ่ม {group}: งวดที่ {number} ของเงินกู้เลขที่ {loanId} จำนวน {amount} เกินกำหนดชำระตั้งแต่ {dueOn|date} กรุณาติดต่อสำนักงาน',
        en: 'Group {group}: instalment {number} of loan {loanId}, {amount}, has been overdue since {dueOn|date}. Please contact the office.',
      },
    },
  },
  'listing-approved': {
    default: {
      subject: { th: 'สินค้าได้รับอนุมัติ: {product}', en: 'Listing approved: {product}' },
      text: {
        th: 'สินค้า {product} ของกลุ่ม {group} ได้รับอนุมัติขึ้นร้านแล้ว',
        en: 'The listing {product} of {group} has been approved and is now in the shop.',
      },
    },
  },
};
