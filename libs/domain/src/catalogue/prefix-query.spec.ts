import { prefixQuery } from './catalogue.service';

describe('prefixQuery', () => {
  it('turns words into prefixes, keeping at least four letters', () => {
    expect(prefixQuery('studia')).toBe('stud:*');
    expect(prefixQuery('Łódź')).toBe('łódź:*');
    expect(prefixQuery('lodz')).toBe('lodz:*');
    expect(prefixQuery('integracja studentów')).toBe('integrac:* & student:*');
  });

  it('drops punctuation and operators, so user text cannot break the query', () => {
    expect(prefixQuery("a & b | !c ' :*")).toBe('a:* & b:* & c:*');
    expect(prefixQuery(' ,. ')).toBeNull();
  });
});
