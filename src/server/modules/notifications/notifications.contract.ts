import type { ModuleContract } from '../../platform/contract';

/** Notifications' tables: preferences, the outbox and its attempts; a person's rows go with an erasure. */
export const notificationsContract: ModuleContract = {
  module: 'notifications',
  tables: ['notification_preference', 'notification', 'notification_attempt'],
  links: [
    {
      table: 'notification_preference',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'keep',
        why: {
          en: 'Preferences are the choice of the person who set them; the survivor keeps its own.',
          th: 'การตั้งค่าการแจ้งเตือนเป็นของผู้ตั้งค่า ระเบียนหลักใช้การตั้งค่าของตนเอง',
        },
      },
      erase: { kind: 'delete' },
    },
    {
      table: 'notification',
      column: 'person_id',
      refersTo: 'person',
      merge: {
        kind: 'keep',
        why: {
          en: 'A message was sent to the person it names; it stays with the retired record as what happened.',
          th: 'ข้อความส่งถึงบุคคลที่ระบุแล้ว จึงเก็บไว้กับระเบียนเดิมเป็นประวัติ',
        },
      },
      erase: { kind: 'delete' },
    },
  ],
};
