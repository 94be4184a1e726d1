import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './passwords';

const codeOf = (password: string, username = 'somsri.k') => checkNewPassword(password, username)?.code ?? null;

describe('new password rules (issue 15 §10)', () => {
  it('refuses what guessers try first: short, common, repeated, runs, the username', () => {
    expect(codeOf('aaaaaaaaaa')).toBe('too-short');
    expect(codeOf('aaaaaaaaaaaa')).toBe('too-simple');
    expect(codeOf('abababababab')).toBe('too-simple');
    expect(codeOf('123456789012')).toBe('too-simple');
    expect(codeOf('zyxwvutsrqpo')).toBe('too-simple');
    // On the bundled list of common passwords, or a listed one with digits added.
    expect(codeOf('qwertyuiop12')).toBe('common');
    expect(codeOf('password1234')).toBe('common');
    expect(codeOf('Sunshine2569!')).toBe('common');
    expect(codeOf('my name is somsri.k ok')).toBe('same-as-username');
    expect(codeOf('x'.repeat(201))).toBe('too-long');
  });

  it('accepts a phrase, in Thai or English, and says why in both languages when it refuses', () => {
    expect(codeOf('correct horse battery staple')).toBeNull();
    expect(codeOf('ม้าลายกินหญ้าริมบึง 2569')).toBeNull();
    const problem = checkNewPassword('short', 'u')!;
    expect(problem.message).toContain('12');
    expect(problem.messageTh).toContain('12');
  });
});
