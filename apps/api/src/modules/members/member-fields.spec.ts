import {
  canonicalLanguage,
  escapeLike,
  fold,
  languageOf,
  neutralizeFormula,
  normalizeTags,
  restoreFormula,
  toE164,
} from './member-fields';

describe('member field rules', () => {
  it.each([
    ['Spanish', 'es'],
    ['español', 'es'],
    ['ESPAÑOL', 'es'],
    ['Espanol', 'es'],
    [' English ', 'en'],
    ['inglés', 'en'],
    ['Vietnamese', 'vi'],
    ['chino', 'zh'],
    ['es', 'es'],
    ['zh-Hant', 'zh-Hant'],
    ['Klingonese', 'Klingonese'],
  ])('reads the language %p as %p', (cell, tag) => {
    expect(languageOf(cell)).toBe(tag);
  });

  it.each([
    ['(212) 555-0123', 'US', '+12125550123'],
    ['212.555.0123', 'US', '+12125550123'],
    ['+52 55 1234 5678', 'US', '+525512345678'],
    ['55 1234 5678', 'MX', '+525512345678'],
    ['090 123 4567', 'VN', '+84901234567'],
  ])('normalizes %p in %s to %s', (raw, region, e164) => {
    expect(toE164(raw, region)).toBe(e164);
  });

  it.each(['12', 'call me', '+1 555'])('refuses the impossible phone %p', (raw) => {
    expect(toE164(raw, 'US')).toBeNull();
  });

  it('canonicalizes BCP-47 tags and refuses what is not one', () => {
    expect(canonicalLanguage('es')).toBe('es');
    expect(canonicalLanguage('zh-hant')).toBe('zh-Hant');
    expect(canonicalLanguage('EN-us')).toBe('en-US');
    expect(canonicalLanguage('spanish please')).toBeNull();
    expect(canonicalLanguage('')).toBeNull();
  });

  it('lowercases tags and drops blanks and repeats', () => {
    expect(normalizeTags([' Leader ', 'night shift', 'leader', ''])).toEqual(['leader', 'night shift']);
    // The first of each stays, in order; what is not text passes as it is (the validator refuses it).
    expect(normalizeTags(['b', 7, 'A', 'B', 7, 'a', null])).toEqual(['b', 7, 'a', null]);
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1 555', `'+1 555`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['María', 'María'],
    ['', ''],
    ["'=already quoted", `''=already quoted`],
    ["'plain", "'plain"],
  ])('neutralizes the spreadsheet formula %p', (cell, safe) => {
    expect(neutralizeFormula(cell)).toBe(safe);
  });

  it.each(['=x', "'=x", "''=x", "'plain", "'", "''", '-minus', '\tcmd', 'María', "O'Brien", ''])(
    'gets %p back exactly after an export and an import',
    (cell) => {
      expect(restoreFormula(neutralizeFormula(cell))).toBe(cell);
    },
  );

  it('folds case and accents like the database does', () => {
    expect(fold('Nguyễn Thị Đào')).toBe('nguyen thi dao');
    expect(fold('José GARCÍA')).toBe('jose garcia');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
