import { fillMergeFields, MERGE_FIELDS, unknownMergeFields } from './merge-fields';

describe('merge fields', () => {
  it('lists the fields a text may use', () => {
    expect(MERGE_FIELDS).toEqual(['name', 'city', 'edition', 'deadline', 'link']);
  });

  it('finds the unknown names, each once, in order', () => {
    expect(unknownMergeFields('Hi {{name}}, {{ town }} {{year}} {{town}} {{ edition }}')).toEqual(['town', 'year']);
    expect(unknownMergeFields('{{}} and {{ }}')).toEqual(['']);
    expect(unknownMergeFields('no fields, { single } braces')).toEqual([]);
  });

  it('fills known fields, leaves unknown ones and blanks missing values', () => {
    expect(fillMergeFields('{{name}} / {{ city }} / {{deadline}} / {{other}}', { name: 'Ola', city: 'Lublin' })).toBe('Ola / Lublin /  / {{other}}');
    expect(fillMergeFields('{{link}}{{link}}', { link: 'https://x' })).toBe('https://xhttps://x');
  });

  it('does not re-read a value as a placeholder', () => {
    expect(fillMergeFields('{{name}} {{city}}', { name: '{{city}}', city: 'Gdańsk' })).toBe('{{city}} Gdańsk');
  });
});
