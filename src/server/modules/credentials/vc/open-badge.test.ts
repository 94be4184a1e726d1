import { describe, expect, it } from 'vitest';
import { openBadgeCredential } from './open-badge';
import { buildIssuer, buildWorld, qualification, trainingCertificate } from './test-factories';

describe('the Open Badge of a training certificate', () => {
  it('is an OpenBadgeCredential on the VC 2.0 and Open Badges 3.0.3 contexts, Thai first', async () => {
    const dsd = await buildIssuer(buildWorld());
    const input = trainingCertificate(dsd);
    expect(openBadgeCredential(input)).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: input.id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'การเชื่อมไฟฟ้าเบื้องต้น',
      issuer: { id: dsd.profile.id, type: ['Profile'], name: 'กรมพัฒนาฝีมือแรงงาน', description: 'Department of Skill Development', url: 'https://www.dsd.go.th' },
      validFrom: '2025-06-01T00:00:00+07:00',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'นางสาวสมหญิง ใจดี' },
          { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Miss Somying Jaidee' },
        ],
        achievement: {
          id: 'https://archeep.test/curricula/DSD-WELD-01',
          type: ['Achievement'],
          achievementType: 'Certificate',
          name: 'การเชื่อมไฟฟ้าเบื้องต้น',
          description: 'หลักสูตรฝึกอบรมการเชื่อมไฟฟ้าสำหรับผู้เริ่มต้น\n\nBasic Arc Welding\nA training course in arc welding for beginners.',
          criteria: {
            narrative:
              'เข้ารับการฝึกอบรมไม่น้อยกว่าร้อยละ 80 ของเวลาและผ่านการประเมินผล\nจำนวนชั่วโมงอบรม 17.5 ชั่วโมง\n\nAttended at least 80% of the hours and passed the assessment.\nTraining hours: 17.5.',
          },
          inLanguage: 'th',
        },
      },
      credentialStatus: {
        id: `${dsd.listUrl}#${input.status!.index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(input.status!.index),
        statusListCredential: dsd.listUrl,
      },
    });
  });

  it('keeps every name and description a plain string, as Open Badges’ JSON Schema requires', async () => {
    const dsd = await buildIssuer(buildWorld());
    const credential = openBadgeCredential(qualification(dsd)) as {
      name: unknown;
      issuer: { name: unknown };
      credentialSubject: { achievement: { name: unknown; description: unknown } };
    };
    for (const text of [
      credential.name,
      credential.issuer.name,
      credential.credentialSubject.achievement.name,
      credential.credentialSubject.achievement.description,
    ])
      expect(typeof text).toBe('string');
  });
});

describe('the Open Badge of a qualification', () => {
  it('is a Certification aligned to its level and competency units, with an English-less holder named once', async () => {
    const dsd = await buildIssuer(buildWorld());
    const credential = openBadgeCredential(qualification(dsd));
    expect(credential).toMatchObject({
      validUntil: '2030-05-31T23:59:59+07:00',
      credentialSubject: {
        identifier: [{ identityHash: 'นายสมชาย รักงาน' }],
        achievement: {
          achievementType: 'Certification',
          alignment: [
            {
              type: ['Alignment'],
              targetType: 'ext:QualificationLevel',
              targetCode: '2',
              targetName: 'ระดับ 2',
              targetDescription: 'Level 2',
              targetUrl: 'https://archeep.test/standards/TPQI-WELD-L2#level-2',
            },
            {
              type: ['Alignment'],
              targetType: 'ceasn:Competency',
              targetCode: '10101',
              targetName: 'เตรียมงานเชื่อม',
              targetDescription: 'Prepare for welding',
              targetUrl: 'https://archeep.test/standards/TPQI-WELD-L2#unit-10101',
            },
            {
              type: ['Alignment'],
              targetType: 'ceasn:Competency',
              targetCode: '10102',
              targetName: 'เชื่อมรอยต่อชน',
              targetDescription: 'Weld butt joints',
              targetUrl: 'https://archeep.test/standards/TPQI-WELD-L2#unit-10102',
            },
          ],
        },
      },
    });
    expect((credential.credentialSubject as { identifier: unknown[] }).identifier).toHaveLength(1);
    expect(JSON.stringify(credential)).not.toMatch(/hours/i);
  });
});
