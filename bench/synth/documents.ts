/**
 * Identity document numbers for synthetic person i. Each kind comes from a keyed bijection of i,
 * so numbers are unique across people (no set of issued numbers to keep, which would not fit in
 * memory at tens of millions) and look random rather than counting up.
 */
import { nationalIdCheckDigit } from '../../src/shared/national-id';
import { IndexScramble, mix32 } from './random';

/** Passports have the fewest numbers (2 letters, 7 digits), so they bound how many people there can be. */
const PASSPORT_NUMBERS = 26 * 26 * 10_000_000;
export const MAX_PEOPLE = PASSPORT_NUMBERS;

export class DocumentNumbers {
  /** The 12 digits before the check digit, first digit 1–8: 8 × 10^11 numbers. */
  private readonly thai: IndexScramble;
  private readonly passports: IndexScramble;
  /** 11 digits after the leading 0 of a pink card. */
  private readonly pinkCards: IndexScramble;

  constructor(seed: number) {
    // Each kind gets its own keys: the same i must not give related numbers across kinds.
    this.thai = new IndexScramble(800_000_000_000, mix32(seed ^ 0x7a1));
    this.passports = new IndexScramble(PASSPORT_NUMBERS, mix32(seed ^ 0x9a55));
    this.pinkCards = new IndexScramble(100_000_000_000, mix32(seed ^ 0x914c));
  }

  /** A valid Thai national ID: first digit 1–8, mod-11 check digit last. */
  nationalId(i: number): string {
    const first12 = String(100_000_000_000 + this.thai.apply(i));
    return first12 + nationalIdCheckDigit(first12);
  }

  /** Two letters and seven digits, e.g. MK4821097. */
  passport(i: number): string {
    const n = this.passports.apply(i);
    const letters = Math.floor(n / 10_000_000);
    return String.fromCharCode(65 + Math.floor(letters / 26), 65 + (letters % 26)) + String(n % 10_000_000).padStart(7, '0');
  }

  /**
   * The 13-digit number of the card for people without Thai nationality (บัตรสีชมพู): it starts
   * with 0, which no Thai national ID does, and carries the same kind of check digit.
   */
  pinkCard(i: number): string {
    const first12 = '0' + String(this.pinkCards.apply(i)).padStart(11, '0');
    return first12 + nationalIdCheckDigit(first12);
  }
}
