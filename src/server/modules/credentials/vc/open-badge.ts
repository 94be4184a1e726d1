import { CREDENTIALS_V2, OPEN_BADGES_V3 } from './bundled-contexts';
import type { IssuerProfile } from './keys';
import { statusListEntry } from './status-list';

export interface OpenBadgeInput {
  /** The credential's URL, e.g. `${publicUrl}/verify/${code}`. */
  id: string;
  issuer: IssuerProfile;
  /** As printed, with title. Never a national ID: the credential travels where the holder sends it. */
  holder: { nameTh: string; nameEn: string | null };
  achievement: {
    /** The curriculum's or standard's URL: the same for every holder of it. */
    id: string;
    kind: 'training-completion' | 'qualification';
    nameTh: string;
    nameEn: string;
    descriptionTh: string;
    descriptionEn: string;
    criteriaTh: string;
    criteriaEn: string;
    /** Hours of training, possibly fractional (17.5). */
    hours?: number;
    /** Competency units (หน่วยสมรรถนะ) the qualification covers. */
    competencyUnits?: { code: string; nameTh: string; nameEn: string }[];
    /** The qualification's level (ระดับ), where the standard has levels. */
    level?: number | null;
  };
  /** ISO date-time with offset. */
  validFrom: string;
  validUntil?: string | null;
  status?: { listCredentialUrl: string; index: number } | null;
}

/**
 * The unsigned OpenBadgeCredential (Open Badges 3.0, VC Data Model 2.0).
 *
 * Languages: Open Badges' JSON Schema makes `name` and `description` plain strings, so the
 * language-tagged arrays VC 2.0 allows would be rejected by Open Badges validators and shown as
 * "[object Object]" by wallets. Each text is therefore one string, Thai first as on the printed
 * certificate: `name` is Thai (`inLanguage: 'th'` on the achievement says so), and `description`
 * and the criteria carry a Thai paragraph followed by an English one that opens with the English
 * name. The holder has one IdentityObject per name (Thai, English). The issuer's English name is
 * its Profile `description`, the one free-text slot a Profile has.
 *
 * Hours go into the criteria text rather than `creditsAvailable`: that term means credit hours,
 * and 30 hours of training is not 30 credit hours. Competency units and a level are alignments:
 * machine-readable codes, with targetUrl a fragment of the achievement's own page (Open Badges
 * requires a URL, and no public register of Thai competency units has stable ones).
 *
 * Every property here is defined by the two contexts; signing runs JSON-LD in safe mode, which
 * refuses a credential with an undefined term instead of silently leaving it unsigned.
 */
export function openBadgeCredential(input: OpenBadgeInput): Record<string, unknown> {
  const { achievement, issuer, holder } = input;
  return {
    '@context': [CREDENTIALS_V2, OPEN_BADGES_V3],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.nameTh,
    issuer: {
      id: issuer.id,
      type: ['Profile'],
      name: issuer.nameTh,
      description: issuer.nameEn,
      ...(issuer.url ? { url: issuer.url } : {}),
    },
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      // hashed: false puts the name itself in identityHash, as Open Badges defines the field.
      identifier: [holder.nameTh, holder.nameEn]
        .filter((name): name is string => Boolean(name))
        .map((name) => ({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: name })),
      achievement: achievementOf(achievement),
    },
    ...(input.status ? { credentialStatus: statusListEntry(input.status) } : {}),
  };
}

function achievementOf(a: OpenBadgeInput['achievement']) {
  const hours = a.hours === undefined ? null : { th: `จำนวนชั่วโมงอบรม ${a.hours} ชั่วโมง`, en: `Training hours: ${a.hours}.` };
  const alignment = [
    ...(a.level != null
      ? [
          alignmentOf(a.id, {
            type: 'ext:QualificationLevel',
            code: String(a.level),
            nameTh: `ระดับ ${a.level}`,
            nameEn: `Level ${a.level}`,
            fragment: `level-${a.level}`,
          }),
        ]
      : []),
    ...(a.competencyUnits ?? []).map((unit) =>
      alignmentOf(a.id, { type: 'ceasn:Competency', code: unit.code, nameTh: unit.nameTh, nameEn: unit.nameEn, fragment: `unit-${unit.code}` }),
    ),
  ];
  return {
    id: a.id,
    type: ['Achievement'],
    // Open Badges' words: a Certificate records completing a course, a Certification that an
    // authoritative body assessed the holder against a standard (คุณวุฒิวิชาชีพ).
    achievementType: a.kind === 'qualification' ? 'Certification' : 'Certificate',
    name: a.nameTh,
    description: `${a.descriptionTh}\n\n${a.nameEn}\n${a.descriptionEn}`,
    criteria: { narrative: [a.criteriaTh, hours?.th, '', a.criteriaEn, hours?.en].filter((line) => line !== undefined).join('\n') },
    inLanguage: 'th',
    ...(alignment.length > 0 ? { alignment } : {}),
  };
}

function alignmentOf(achievementId: string, target: { type: string; code: string; nameTh: string; nameEn: string; fragment: string }) {
  return {
    type: ['Alignment'],
    targetType: target.type,
    targetCode: target.code,
    targetName: target.nameTh,
    targetDescription: target.nameEn,
    targetUrl: `${achievementId}#${encodeURIComponent(target.fragment)}`,
  };
}
