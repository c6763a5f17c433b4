import { fillMergeFields, MERGE_FIELDS, unknownMergeFields } from './merge-fields';

describe('merge fields', () => {
  it('knows name, city, edition, deadline and link', () => {
    expect([...MERGE_FIELDS]).toEqual(['name', 'city', 'edition', 'deadline', 'link']);
  });

  it('names the unknown fields once each, in order, spaces inside the braces allowed', () => {
    expect(unknownMergeFields('Hi {{name}}, see {{ town }} and {{date}}, {{town}} again; {{ link }}')).toEqual(['town', 'date']);
    expect(unknownMergeFields('No fields here, {single} braces or {{}} empty')).toEqual(['']);
    expect(unknownMergeFields('{{name}} {{city}} {{edition}} {{deadline}} {{link}}')).toEqual([]);
  });

  it('fills every occurrence of the known fields that have values and leaves the rest as written', () => {
    const text = '{{name}} of {{ city }}: {{edition}} until {{deadline}} ({{link}}) {{name}} {{town}}';
    expect(fillMergeFields(text, { name: 'Olena', city: 'Lublin', edition: 'MO 2015', link: 'https://x/y' })).toBe(
      'Olena of Lublin: MO 2015 until {{deadline}} (https://x/y) Olena {{town}}',
    );
    expect(fillMergeFields('{{city}}!', { city: '' })).toBe('!');
  });

  it('inserts values literally (no $-patterns, no second pass)', () => {
    expect(fillMergeFields('{{name}}', { name: '$& {{city}}' })).toBe('$& {{city}}');
  });
});
