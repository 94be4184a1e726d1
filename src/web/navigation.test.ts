import { describe, expect, it } from 'vitest';
import { navigation } from './navigation';

const paths = (...args: Parameters<typeof navigation>) => navigation(...args).map((e) => e.to);

describe('navigation', () => {
  it('gives a citizen their own records, the courses and the areas: no units, no modules', () => {
    expect(paths(['own-records'])).toEqual([
      '/my/courses',
      '/my/certificates',
      '/my/qualifications',
      '/my/employment',
      '/my/loans',
      '/my/shop',
      '/my/notifications',
      '/my/archeep',
      '/my/data',
      '/my/grievances',
      '/',
      '/training/curricula',
      '/areas',
    ]);
  });
  it('gives officers and executives the PDPA request and grievance queues (issue 21)', () => {
    expect(paths(['programme', 'selfservice.queues'])).toEqual(expect.arrayContaining(['/selfservice/requests', '/selfservice/grievances']));
    expect(paths(['own-records'])).not.toContain('/selfservice/requests');
  });
  it("gives an employer its vacancies, and nothing of the programme's", () => {
    expect(paths(['employer'])).toEqual(['/employment', '/', '/training/curricula', '/areas']);
  });
  it('leaves the registry out for staff whose policy gives them no people (administrators, assessors)', () => {
    const admin = paths(['programme', 'units.read', 'users.read', 'users.manage', 'audit.read', 'keys.manage']);
    expect(admin).not.toContain('/registry');
    expect(admin).toEqual(expect.arrayContaining(['/training', '/credentials', '/org', '/users', '/audit']));
    expect(paths(['programme', 'units.read', 'assessments.read'])).not.toContain('/registry');
  });
  it('gives a marketplace partner its groups, and none of the programme', () => {
    expect(paths(['marketplace.partner'])).toEqual(['/marketplace/partner', '/', '/training/curricula', '/areas']);
  });

  it('offers monitoring only to readers of the indicators (executives, officers, administrators)', () => {
    expect(paths(['programme', 'monitoring.read'])).toContain('/monitoring');
    expect(paths(['programme', 'assessments.read'])).not.toContain('/monitoring');
    expect(paths(['programme', 'monitoring.read'])).toEqual(expect.arrayContaining(['/monitoring/reports', '/monitoring/data-quality']));
    expect(paths(['programme', 'assessments.read'])).not.toContain('/monitoring/reports');
    expect(paths(['programme', 'assessments.read'])).not.toContain('/monitoring/data-quality');
  });

  it('gives an officer the registry', () => {
    expect(paths(['programme', 'people.read', 'people.write', 'units.read'])).toContain('/registry');
  });
});
